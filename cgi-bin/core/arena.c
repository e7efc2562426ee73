/* Per-request arena: memory from large blocks, released together. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

#define ARENA_BLOCK	(64 * 1024)
#define ARENA_ALIGN	16

struct block {
	struct block	*next;
	size_t		 size;
	size_t		 used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct cleanup {
	struct cleanup	*next;
	void		(*fn)(void *);
	void		*arg;
};

struct arena {
	struct block	*first;		/* kept across resets */
	struct block	*cur;		/* where small allocations go */
	struct cleanup	*cleanups;
};

static void
oom(void)
{
	fputs("out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t sz)
{
	void	*p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void	*q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom();
	return q;
}

char *
xstrdup(const char *s)
{
	char	*p = strdup(s);

	if (p == NULL)
		oom();
	return p;
}

static struct block *
block_new(size_t size)
{
	struct block	*b = xmalloc(sizeof(*b) + size);

	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct arena *
arena_new(void)
{
	struct arena	*a = xcalloc(1, sizeof(*a));

	a->first = a->cur = block_new(ARENA_BLOCK);
	return a;
}

/* Runs the cleanups, newest first, and frees every block but the first. */
void
arena_reset(struct arena *a)
{
	struct cleanup	*c;
	struct block	*b, *next;

	while ((c = a->cleanups) != NULL) {
		a->cleanups = c->next;
		c->fn(c->arg);
	}
	for (b = a->first->next; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->first->next = NULL;
	a->first->used = 0;
	a->cur = a->first;
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a->first);
	free(a);
}

/* Returns n bytes aligned to ARENA_ALIGN, valid until reset; never NULL. */
void *
arena_alloc(struct arena *a, size_t n)
{
	struct block	*b = a->cur;
	size_t		 need, off;

	if (n > SIZE_MAX / 2)
		oom();
	need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need == 0)
		need = ARENA_ALIGN;
	off = b->used;
	if (need <= b->size - off) {
		b->used += need;
		return b->data + off;
	}
	b = block_new(need > ARENA_BLOCK ? need : ARENA_BLOCK);
	b->used = need;
	/* Chain after first; a large block does not become current. */
	b->next = a->first->next;
	a->first->next = b;
	if (need <= ARENA_BLOCK / 2)
		a->cur = b;
	return b->data;
}

void *
arena_calloc(struct arena *a, size_t n, size_t sz)
{
	void	*p;

	if (sz != 0 && n > SIZE_MAX / 2 / sz)
		oom();
	p = arena_alloc(a, n * sz);
	memset(p, 0, n * sz);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Registers fn(arg) to run at the next reset or free, newest first. */
void
arena_defer(struct arena *a, void (*fn)(void *), void *arg)
{
	struct cleanup	*c = arena_alloc(a, sizeof(*c));

	c->fn = fn;
	c->arg = arg;
	c->next = a->cleanups;
	a->cleanups = c;
}
