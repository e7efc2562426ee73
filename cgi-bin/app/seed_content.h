/* The demo content of every current unit (`portalctl seed`): categories,
 * articles, documents, this week's schedule, introduction pages,
 * contacts, questions and answers, from the files of
 * <seed>/content/ (app/seed_content.c). */
#ifndef SEED_CONTENT_H
#define SEED_CONTENT_H

struct arena;
struct db;

int	 seed_content(struct db *, struct arena *, const char *dir);

#endif
