/* Unit tests of app/mail_msg.c, the message-building half of mail:
 * refusals of the From setting first, then encoded words at the edges of
 * their room, then one whole message written out by hand.  Delivery and
 * independent decoding are test_mail.c's. */
#include <stdlib.h>
#include <time.h>

#include "app/mail_msg.h"
#include "core/arena.h"
#include "t.h"

static struct arena	*A;

/* Parses from; returns 1/0, with "name|addr" in out when parsed. */
static int
from(const char *s, char *out, size_t outsz)
{
	char	*name, *addr;
	int	 ok = mail_msg_from_parse(A, s, &name, &addr);

	snprintf(out, outsz, "%s|%s", ok ? name : "", ok ? addr : "");
	return ok;
}

static void
test_mail_msg_from_refused(void)
{
	char	 o[256];

	CHECK_INT(from("Tên <a@b.vn> x", o, sizeof(o)), 0);
	CHECK_INT(from("Tên <a@b.vn", o, sizeof(o)), 0);
	CHECK_INT(from("Tên\r\nBcc: x@y.vn <a@b.vn>", o, sizeof(o)), 0);
	CHECK_INT(from("Tên\n <a@b.vn>", o, sizeof(o)), 0);
	CHECK_INT(from("Tên <a@b.vn\r\nBcc: x@y.vn>", o, sizeof(o)), 0);
	CHECK_INT(from("Tên <>", o, sizeof(o)), 0);
	CHECK_INT(from("a@b.vn>", o, sizeof(o)), 0);
	CHECK_INT(from("", o, sizeof(o)), 0);
	CHECK_INT(from("   ", o, sizeof(o)), 0);
}

static void
test_mail_msg_from_parsed(void)
{
	char	 o[256];

	CHECK_INT(from("Cổng Phổ Yên <no-reply@phoyen.example>", o,
	    sizeof(o)), 1);
	CHECK_STR(o, "Cổng Phổ Yên|no-reply@phoyen.example");
	CHECK_INT(from("  a@b.vn  ", o, sizeof(o)), 1);
	CHECK_STR(o, "|a@b.vn");
	CHECK_INT(from("\"UBND Ba Hàng\" <a@b.vn> ", o, sizeof(o)), 1);
	CHECK_STR(o, "UBND Ba Hàng|a@b.vn");
	CHECK_INT(from("<a@b.vn>", o, sizeof(o)), 1);
	CHECK_STR(o, "|a@b.vn");
	CHECK_INT(from("A <b <a@b.vn>", o, sizeof(o)), 1);
	CHECK_STR(o, "A <b|a@b.vn");
}

/* The characters of the first word of m (up to CRLF or the end). */
static size_t
first_word(const struct mail_msg *m)
{
	const char	*e = strstr(m->p, "\r\n");

	return e != NULL ? (size_t)(e - m->p) : m->len;
}

/* A room below what a word needs is taken as 20 (it was: below 12, no
 * bound at all, one word of everything; 12 to 15, an empty word glued to
 * the next without a fold); a room past 75 is taken as 75. */
static void
test_mail_msg_words_room_clamped(void)
{
	static const size_t	 rooms[] = { 0, 5, 12, 15, 19 };
	const char		*s = "Hồ sơ đã được tiếp nhận";
	struct mail_msg		 m;
	size_t			 i;

	for (i = 0; i < sizeof(rooms) / sizeof(rooms[0]); i++) {
		memset(&m, 0, sizeof(m));
		mail_msg_words(&m, s, rooms[i]);
		CHECK(m.p != NULL && first_word(&m) <= 20);
		mail_msg_free(&m);
	}
	memset(&m, 0, sizeof(m));
	mail_msg_words(&m, "Hồ sơ đã được tiếp nhận, Hồ sơ đã được tiếp "
	    "nhận, Hồ sơ đã được tiếp nhận", 500);
	CHECK(m.p != NULL && first_word(&m) <= 75);
	CHECK(m.p != NULL && strstr(m.p, "\r\n =?UTF-8?B?") != NULL);
	mail_msg_free(&m);
}

/* Room 20: six bytes a word; a 4-byte character is never cut. */
static void
test_mail_msg_words_smallest_room(void)
{
	struct mail_msg	 m = { 0 };

	mail_msg_words(&m, "\xf0\x9f\x8e\x89\xf0\x9f\x8e\x89", 20);
	CHECK_STR(m.p, "=?UTF-8?B?8J+OiQ==?=\r\n =?UTF-8?B?8J+OiQ==?=");
	mail_msg_free(&m);
}

/* One message, every byte of its headers and body written out. */
static void
test_mail_msg_build(void)
{
	static const char head[] =
	    "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"
	    "From: =?UTF-8?B?QW4=?=\r\n <no-reply@phoyen.example>\r\n"
	    "To: c@d.vn\r\n"
	    "Subject: =?UTF-8?B?SGk=?=\r\n"
	    "Message-ID: <";
	struct mail_msg	 m = { 0 };
	const char	*mid;

	mail_msg_build(&m, "An", "no-reply@phoyen.example", "c@d.vn", "Hi",
	    "a\nb", (time_t)0);
	CHECK(m.p != NULL && strncmp(m.p, head, sizeof(head) - 1) == 0);
	mid = m.p != NULL ? strstr(m.p, "Message-ID: <") : NULL;
	CHECK(mid != NULL && strspn(mid + 13, "0123456789abcdef") == 32);
	CHECK(mid != NULL && strcmp(mid + 45, "@phoyen.example>\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n"
	    "Auto-Submitted: auto-generated\r\n"
	    "\r\n"
	    "YQ0KYg==\r\n") == 0);	/* "a\r\nb" */
	mail_msg_free(&m);
	CHECK(m.p == NULL && m.len == 0);
}

int
main(void)
{
	if ((A = arena_new()) == NULL)
		return 1;
	RUN(test_mail_msg_from_refused);
	RUN(test_mail_msg_from_parsed);
	RUN(test_mail_msg_words_room_clamped);
	RUN(test_mail_msg_words_smallest_room);
	RUN(test_mail_msg_build);
	arena_free(A);
	return T_END();
}
