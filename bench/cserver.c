/* The C baseline for the benchmarks: libmicrohttpd answering a fixed JSON body, with the same threading mode as the
 * fake (internal polling thread(s) + epoll) and the same two-callback pattern (queue on the final callback).
 * Usage: cserver PORT THREADS [BUSY_NS [POOL_BYTES]]  -- prints "listening on PORT" once ready; stops on SIGINT/SIGTERM.
 * BUSY_NS: spin this many nanoseconds before each answer, a stand-in for a server's own work per request (the
 * benchmark's --calibrate rows show what such work costs in throughput on the machine at hand).
 * POOL_BYTES: each connection's memory pool (libmicrohttpd's default, 32 KiB, when absent or 0); libmicrohttpd
 * clears the whole pool after every request, so its size is part of every request's cost. */
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <time.h>

/* The seed's MobilePhone asset as GET /assets/{id} renders it: the same bytes a fake's asset read sends, so the
 * comparison measures the fake's own work, not a difference in response size. */
static const char BODY[] =
    "{\"assetId\":\"574fbc1ab7964fa3a6acf1173707a256\",\"tenantId\":\"iiotuxpc\",\"name\":\"MobilePhone\",\"etag\":0,"
    "\"externalId\":null,\"t2Tenant\":null,\"subTenant\":null,\"description\":\"Digital representation of a mobile "
    "phone of both types, Android and iPhone\",\"timezone\":\"Europe/Berlin\",\"twinType\":\"performance\","
    "\"parentId\":\"343a6a61f5ef48c899b13f9c1be45b07\",\"typeId\":\"iiotuxpc.mobilephone\",\"location\":null,"
    "\"fileAssignments\":[],\"variables\":[],\"aspects\":[{\"name\":\"connectivityStatus\",\"variables\":[{\"name\":"
    "\"connected\",\"value\":\"false\"},{\"name\":\"lastUpdated\",\"value\":\"2023-02-22T20:04:49Z\"}]}],\"locks\":[],"
    "\"deleted\":null,\"sharing\":{\"modes\":[]},\"hierarchyPath\":[{\"assetId\":\"343a6a61f5ef48c899b13f9c1be45b07\","
    "\"name\":\"iiotuxpc\"}],\"_links\":{\"self\":{\"href\":\"http://127.0.0.1:8080/api/assetmanagement/v3/assets/"
    "574fbc1ab7964fa3a6acf1173707a256\"},\"aspects\":{\"href\":\"http://127.0.0.1:8080/api/assetmanagement/v3/assets/"
    "574fbc1ab7964fa3a6acf1173707a256/aspects\"},\"variables\":{\"href\":\"http://127.0.0.1:8080/api/assetmanagement/v3/"
    "assets/574fbc1ab7964fa3a6acf1173707a256/variables\"},\"location\":{\"href\":\"http://127.0.0.1:8080/api/"
    "assetmanagement/v3/assets/574fbc1ab7964fa3a6acf1173707a256/location\"},\"parent\":{\"href\":\"http://127.0.0.1:8080"
    "/api/assetmanagement/v3/assets/343a6a61f5ef48c899b13f9c1be45b07\"}}}";
static struct MHD_Response *shared_response;
static int first_call_marker;
static long busy_nanoseconds;

/* Spins on the monotonic clock (read in user space, like a server's own work) for busy_nanoseconds. */
static void busy_work(void)
{
    if (busy_nanoseconds <= 0)
        return;
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while ((now.tv_sec - start.tv_sec) * 1000000000L + (now.tv_nsec - start.tv_nsec) < busy_nanoseconds);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *connection, const char *url, const char *method,
                               const char *version, const char *upload_data, size_t *upload_data_size, void **con_cls)
{
    (void)cls; (void)url; (void)method; (void)version; (void)upload_data;
    if (*con_cls == NULL) {
        *con_cls = &first_call_marker;
        return MHD_YES;
    }
    if (*upload_data_size != 0) {
        *upload_data_size = 0;
        return MHD_YES;
    }
    busy_work();
    return MHD_queue_response(connection, MHD_HTTP_OK, shared_response);
}

int main(int argc, char **argv)
{
    unsigned short port = argc > 1 ? (unsigned short)atoi(argv[1]) : 0;
    unsigned int threads = argc > 2 ? (unsigned int)atoi(argv[2]) : 1;
    busy_nanoseconds = argc > 3 ? atol(argv[3]) : 0;
    size_t pool_bytes = argc > 4 ? (size_t)atol(argv[4]) : 0;
    if (pool_bytes == 0)
        pool_bytes = 32 * 1024;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);

    shared_response = MHD_create_response_from_buffer(strlen(BODY), (void *)BODY, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(shared_response, "Content-Type", "application/json");
    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    struct MHD_Daemon *daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, port, NULL, NULL, handler, NULL,
        MHD_OPTION_SOCK_ADDR, &address, MHD_OPTION_CONNECTION_LIMIT, 1000u, MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, pool_bytes, threads > 1 ? MHD_OPTION_THREAD_POOL_SIZE : MHD_OPTION_END, threads, MHD_OPTION_END);
    if (daemon == NULL) {
        fprintf(stderr, "cannot start\n");
        return 1;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    printf("listening on %u\n", info ? info->port : 0);
    fflush(stdout);
    int received;
    sigwait(&set, &received);
    MHD_stop_daemon(daemon);
    MHD_destroy_response(shared_response);
    return 0;
}
