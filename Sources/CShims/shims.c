#define _GNU_SOURCE
#include "CShims.h"

#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int bshim_peer_credentials_of(int fd, bshim_peer_credentials *out) {
    struct ucred cred;
    socklen_t length = sizeof(cred);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &length) != 0) return -1;
    out->pid = cred.pid;
    out->uid = cred.uid;
    out->gid = cred.gid;
    return 0;
}

int bshim_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

int bshim_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event;
    memset(&event, 0, sizeof(event));
    event.events = events;
    event.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &event);
}

int bshim_epoll_wait(int epfd, bshim_epoll_event *events, int max, int timeout_ms) {
    struct epoll_event raw[256];
    if (max > 256) max = 256;
    int count = epoll_wait(epfd, raw, max, timeout_ms);
    for (int i = 0; i < count; i++) {
        events[i].events = raw[i].events;
        events[i].data = raw[i].data.u64;
    }
    return count;
}

int bshim_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int bshim_accept_nonblocking(int listen_fd) {
    return accept4(listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

static int fill_address(struct sockaddr_un *address, const char *path, socklen_t *length) {
    size_t path_length = strlen(path);
    memset(address, 0, sizeof(*address));
    address->sun_family = AF_UNIX;
    if (path_length == 0 || path_length >= sizeof(address->sun_path)) return -2;
    memcpy(address->sun_path, path, path_length);
    if (path[0] == '@') address->sun_path[0] = '\0';
    *length = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + path_length + (path[0] == '@' ? 0 : 1));
    return 0;
}

int bshim_unix_bind(const char *path) {
    struct sockaddr_un address;
    socklen_t length;
    if (fill_address(&address, path, &length) != 0) return -2;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (bind(fd, (struct sockaddr *)&address, length) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int bshim_unix_connect(const char *path) {
    struct sockaddr_un address;
    socklen_t length;
    if (fill_address(&address, path, &length) != 0) return -2;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int result;
    do {
        result = connect(fd, (struct sockaddr *)&address, length);
    } while (result != 0 && errno == EINTR);
    if (result != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int bshim_unix_sendto(const char *path, const void *buffer, size_t length) {
    struct sockaddr_un address;
    socklen_t address_length;
    if (fill_address(&address, path, &address_length) != 0) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    ssize_t sent = sendto(fd, buffer, length, MSG_NOSIGNAL, (struct sockaddr *)&address, address_length);
    int saved = errno;
    close(fd);
    errno = saved;
    return sent == (ssize_t)length ? 0 : -1;
}

static void daemon_signal_set(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGHUP);
}

int bshim_block_daemon_signals(void) {
    sigset_t set;
    daemon_signal_set(&set);
    return pthread_sigmask(SIG_BLOCK, &set, NULL);
}

int bshim_wait_signal(void) {
    sigset_t set;
    daemon_signal_set(&set);
    int signal_number = 0;
    while (sigwait(&set, &signal_number) != 0) {
    }
    return signal_number;
}

void bshim_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

int bshim_group_list(const char *user, uint32_t gid, uint32_t *groups, int capacity) {
    int count = capacity;
    int result = getgrouplist(user, (gid_t)gid, (gid_t *)groups, &count);
    if (result < 0 && count <= capacity) return -1;
    return count;
}

void bshim_set_thread_name(const char *name) { prctl(PR_SET_NAME, name, 0, 0, 0); }
