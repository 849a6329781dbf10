import CSystem
import Glibc

/// What the process gives up before it serves: the right to leave a core
/// dump (a dump would hold keys and request bytes), and root, once the
/// privileged ports are bound.
public enum ProcessPrivileges {
    /// Marks the process non-dumpable: no core file, no ptrace by other
    /// users, /proc/self owned by root. The kernel resets the mark whenever
    /// the user changes, so call it again after `drop(to:socketPaths:)`.
    public static func refuseCoreDumps() throws(PrivilegeError) {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(coreLimitResource, &none)
        guard csystem_set_dumpable(0) == 0 else { throw .coreDumpsStillAllowed(errno) }
    }

    /// Becomes `user` for good: supplementary groups, then group, then user,
    /// in that order, because each later step takes away the right to do the
    /// earlier one. The unix sockets are handed to the user and its primary
    /// group first, so tor (sharing that group) can still open them. Any
    /// failure is thrown, and the caller must not serve as root.
    public static func drop(to user: String, socketPaths: [String]) throws(PrivilegeError) {
        guard let entry = getpwnam(user) else { throw .unknownUser(user) }
        let uid = entry.pointee.pw_uid
        let gid = entry.pointee.pw_gid
        guard getuid() == 0 || geteuid() == 0 else {
            guard getuid() == uid, geteuid() == uid else {
                throw .notRootAndNotUser(user, uid: getuid())
            }
            return
        }
        for path in socketPaths where chown(path, uid, gid) != 0 {
            throw .switchFailed("chown \(path)", errno)
        }
        var groups = [gid]
        guard setgroups(1, &groups) == 0 else { throw .switchFailed("setgroups", errno) }
        guard setgid(gid) == 0 else { throw .switchFailed("setgid", errno) }
        guard setuid(uid) == 0 else { throw .switchFailed("setuid", errno) }
        guard getuid() == uid, geteuid() == uid, getgid() == gid, getegid() == gid,
            setuid(0) != 0
        else { throw .rootRegainable(user) }
    }
}

private let coreLimitResource = __rlimit_resource_t(RLIMIT_CORE.rawValue)
