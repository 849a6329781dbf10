// Linux calls that Glibc's Swift overlay does not import: epoll, accept4,
// prctl, which is variadic, and glibc's malloc tuning (mallopt, malloc_trim).
// struct epoll_event is packed on x86_64, so events cross into Swift as two
// plain arrays instead.
#ifndef AUSWEG_CSYSTEM_H
#define AUSWEG_CSYSTEM_H

#include <malloc.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/socket.h>

int csystem_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);
int csystem_epoll_create1(int flags);
int csystem_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);
int csystem_epoll_wait(int epfd, uint64_t *data, uint32_t *flags, int max, int timeout);
int csystem_set_dumpable(int value);

#endif
