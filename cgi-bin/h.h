/* Handlers: one feature a file; each returns the HTTP status it answered. */
#ifndef H_H
#define H_H

struct request;

int	h_home(struct request *);
int	h_unit(struct request *);
int	h_article(struct request *);
int	h_healthz(struct request *);
int	h_metrics(struct request *);

#endif
