/* Unit tests of core/role.c: the stored names, labels and scope of every
 * role, the digital-technology team's included. */
#include <stddef.h>

#include "core/role.h"
#include "t.h"

static void
test_role_from_name_unknown(void)
{
	CHECK_INT(role_from_name(NULL), ROLE_USER);
	CHECK_INT(role_from_name(""), ROLE_USER);
	CHECK_INT(role_from_name("user"), ROLE_USER);	/* never stored */
	CHECK_INT(role_from_name("Digital"), ROLE_USER);
	CHECK_INT(role_from_name("digital "), ROLE_USER);
	CHECK_STR(role_name(ROLE__MAX), "");
	CHECK_STR(role_label(ROLE__MAX), "");
	CHECK_INT(role_scoped(ROLE__MAX), 0);
}

static void
test_role_names_round_trip(void)
{
	int	 i;

	for (i = ROLE_RESIDENT; i < ROLE__MAX; i++) {
		CHECK_INT(role_from_name(role_name((enum role)i)), i);
		CHECK(*role_label((enum role)i) != '\0');
	}
}

static void
test_role_digital(void)
{
	CHECK_INT(role_from_name("digital"), ROLE_DIGITAL);
	CHECK_STR(role_name(ROLE_DIGITAL), "digital");
	CHECK_STR(role_label(ROLE_DIGITAL), "Tổ công nghệ số cộng đồng");
	CHECK_INT(role_scoped(ROLE_DIGITAL), 1);
}

static void
test_role_scope(void)
{
	CHECK_INT(role_scoped(ROLE_USER), 0);
	CHECK_INT(role_scoped(ROLE_RESIDENT), 0);
	CHECK_INT(role_scoped(ROLE_ADMIN), 0);
	CHECK_INT(role_scoped(ROLE_EDITOR), 1);
	CHECK_INT(role_scoped(ROLE_STAFF), 1);
	CHECK_INT(role_scoped(ROLE_LEADER), 1);
}

int
main(void)
{
	RUN(test_role_from_name_unknown);
	RUN(test_role_names_round_trip);
	RUN(test_role_digital);
	RUN(test_role_scope);
	return T_END();
}
