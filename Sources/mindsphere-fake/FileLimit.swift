import Glibc

/// The process's limit of open files, which bounds how many connections the server can hold.
enum FileLimit {
    /// Raises the soft limit to the hard one, so `--max-connections` is not cut short by a low default.
    static func raiseToMaximum() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
