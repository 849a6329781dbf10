// _GNU_SOURCE stays here: in the public header it would change fd_set's
// layout against SwiftGlibc.
#define _GNU_SOURCE
#include "CSystem.h"
#include <sys/prctl.h>

enum { most_events = 256 };

int csystem_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}

int csystem_epoll_create1(int flags) { return epoll_create1(flags); }

int csystem_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event event = {.events = events, .data.u64 = data};
    return epoll_ctl(epfd, op, fd, &event);
}

int csystem_epoll_wait(int epfd, uint64_t *data, uint32_t *flags, int max, int timeout) {
    struct epoll_event events[most_events];
    int count = epoll_wait(epfd, events, max < most_events ? max : most_events, timeout);
    for (int i = 0; i < count; i++) {
        data[i] = events[i].data.u64;
        flags[i] = events[i].events;
    }
    return count;
}

int csystem_set_dumpable(int value) { return prctl(PR_SET_DUMPABLE, value, 0, 0, 0); }
