/* Thin shims over libmicrohttpd for Swift: the variadic calls Swift cannot import, and the Linux headers the server's
   own listening socket needs that Swift's Glibc module leaves out (epoll, eventfd). No logic here. */
#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#if __has_include(<microhttpd.h>)
#include <microhttpd.h>
#else
#error "libmicrohttpd headers not found: run 'apt-get install libmicrohttpd-dev pkg-config' (Debian/Ubuntu), or './scripts/setup.sh'"
#endif

typedef void *(*CMHD_UriLogCallback)(void *cls, const char *uri, struct MHD_Connection *con);

/* MHD_start_daemon with the four callbacks every server here uses, plus an MHD_OPTION_END-terminated array.
   `connection_notify` may be NULL. */
static inline struct MHD_Daemon *
cmhd_start_daemon(unsigned int flags, uint16_t port,
                  MHD_AccessHandlerCallback handler, void *handler_cls,
                  MHD_RequestCompletedCallback completed, void *completed_cls,
                  CMHD_UriLogCallback uri_log, void *uri_log_cls,
                  MHD_NotifyConnectionCallback connection_notify, void *connection_notify_cls,
                  const struct MHD_OptionItem *options)
{
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_cls,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, completed_cls,
                            MHD_OPTION_URI_LOG_CALLBACK, uri_log, uri_log_cls,
                            MHD_OPTION_NOTIFY_CONNECTION, connection_notify, connection_notify_cls,
                            MHD_OPTION_ARRAY, options,
                            MHD_OPTION_END);
}

/* The port the daemon is bound to (useful after binding port 0). */
static inline uint16_t cmhd_daemon_port(struct MHD_Daemon *daemon)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

/* The file descriptor of a connection's socket, or -1. */
static inline int cmhd_connection_fd(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info ? info->connect_fd : -1;
}

/* The length of the current request's head as received (request line, header lines, the empty line that ends it),
   or 0 before the head is complete. */
static inline size_t cmhd_request_head_size(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
    return info ? info->header_size : 0;
}

/* The pointer set as the connection's socket context in the connection-notify callback, or NULL. */
static inline void *cmhd_connection_socket_context(struct MHD_Connection *connection)
{
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : NULL;
}

#endif
