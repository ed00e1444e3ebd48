// CShims — the few Linux interfaces Swift's Glibc module does not import cleanly.
//
// Why a C target: `struct ucred` is only declared under _GNU_SOURCE, and
// `struct epoll_event` is packed on x86_64, which Swift cannot import. Each
// function here is a thin, allocation-free wrapper; all policy stays in Swift.
#ifndef BEREDSKAP_CSHIMS_H
#define BEREDSKAP_CSHIMS_H

#include <stdint.h>
#include <sys/types.h>

/// The kernel's view of the process on the other end of a Unix socket.
typedef struct {
    int32_t pid;
    uint32_t uid;
    uint32_t gid;
} bshim_peer_credentials;

/// Reads SO_PEERCRED for a connected AF_UNIX socket. Returns 0 or -1 (errno set).
int bshim_peer_credentials_of(int fd, bshim_peer_credentials *out);

/// An unpacked mirror of `struct epoll_event`.
typedef struct {
    uint32_t events;
    uint64_t data;
} bshim_epoll_event;

enum {
    BSHIM_EPOLLIN = 0x001,
    BSHIM_EPOLLOUT = 0x004,
    BSHIM_EPOLLERR = 0x008,
    BSHIM_EPOLLHUP = 0x010,
    BSHIM_EPOLLRDHUP = 0x2000,
};

int bshim_epoll_create(void);
/// op: 1 add, 2 delete, 3 modify (EPOLL_CTL_*).
int bshim_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
/// Waits for up to `max` events (at most 256); returns the count or -1 (errno set).
int bshim_epoll_wait(int epfd, bshim_epoll_event *events, int max, int timeout_ms);

/// A non-blocking, close-on-exec eventfd used to wake an event loop from another thread.
int bshim_eventfd(void);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC.
int bshim_accept_nonblocking(int listen_fd);

/// Creates an AF_UNIX stream socket (close-on-exec) and binds it to `path`.
/// Returns the fd or -1 (errno set); -2 when the path does not fit in sun_path.
int bshim_unix_bind(const char *path);

/// Creates an AF_UNIX stream socket (close-on-exec) and connects it to `path`.
/// Returns the fd or -1 (errno set); -2 when the path does not fit in sun_path.
int bshim_unix_connect(const char *path);

/// Sends one datagram to an AF_UNIX datagram socket (sd_notify). A leading '@'
/// in `path` means the abstract namespace. Returns 0 or -1 (errno set).
int bshim_unix_sendto(const char *path, const void *buffer, size_t length);

/// Blocks SIGTERM, SIGINT, SIGHUP and SIGPIPE in the calling thread (and threads it
/// creates later) so that a dedicated thread can take them with `bshim_wait_signal`.
int bshim_block_daemon_signals(void);

/// Waits for one of SIGTERM, SIGINT or SIGHUP (blocked beforehand); returns its number.
int bshim_wait_signal(void);

/// Ignores SIGPIPE process-wide: a peer that goes away must be an EPIPE, not a crash.
void bshim_ignore_sigpipe(void);

/// Supplementary groups of `user` (including `gid`), as getgrouplist(3) reports them.
/// Writes up to `capacity` gids and returns how many the user has in all, or -1.
int bshim_group_list(const char *user, uint32_t gid, uint32_t *groups, int capacity);

/// Names the calling thread (up to 15 bytes) as `top -H`, `ps -L` and `perf` show it.
void bshim_set_thread_name(const char *name);

#endif
