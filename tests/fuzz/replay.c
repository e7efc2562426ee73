/* Replays fuzz inputs as a plain test: calls LLVMFuzzerTestOneInput on
 * every regular file of each directory (or file) named on the command
 * line.  A crash or a sanitizer report fails the run; otherwise it prints
 * "PASS replay <name> (N inputs)".  No input at all is a failure too. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Runs one file; returns 1 if it ran, 0 if it is not a regular file, -1
 * on a read error. */
static int
replay_file(const char *path)
{
	struct stat	 st;
	FILE		*f = NULL;
	uint8_t		*buf = NULL;
	int		 rc = -1;

	if (stat(path, &st) == -1)
		goto out;
	rc = 0;
	if (!S_ISREG(st.st_mode))
		goto out;
	rc = -1;
	/* Exactly sized, so that ASan sees any read past the input. */
	buf = malloc(st.st_size > 0 ? (size_t)st.st_size : 1);
	if (buf == NULL || (f = fopen(path, "rb")) == NULL ||
	    fread(buf, 1, (size_t)st.st_size, f) != (size_t)st.st_size)
		goto out;
	LLVMFuzzerTestOneInput(buf, (size_t)st.st_size);
	rc = 1;
out:
	if (rc == -1)
		fprintf(stderr, "replay: cannot read %s\n", path);
	if (f != NULL)
		fclose(f);
	free(buf);
	return rc;
}

/* Runs every regular file of a directory in name order; returns how
 * many, or -1. */
static long
replay_dir(const char *dir)
{
	struct dirent	**ents = NULL;
	char		  path[4096];
	long		  n = 0;
	int		  i, cnt, r;

	if ((cnt = scandir(dir, &ents, NULL, alphasort)) < 0) {
		fprintf(stderr, "replay: cannot open %s\n", dir);
		return -1;
	}
	for (i = 0; i < cnt; i++) {
		r = 0;
		if (ents[i]->d_name[0] != '.' &&
		    (size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    ents[i]->d_name) < sizeof(path))
			r = replay_file(path);
		if (r < 0 || n < 0)
			n = -1;
		else
			n += r;
		free(ents[i]);
	}
	free(ents);
	return n;
}

/* The fuzzer's name: the program's base name without "replay_". */
static const char *
replay_name(const char *argv0)
{
	const char	*p = strrchr(argv0, '/');

	p = p != NULL ? p + 1 : argv0;
	if (strncmp(p, "replay_", 7) == 0)
		p += 7;
	return p;
}

int
main(int argc, char *argv[])
{
	struct stat	 st;
	long		 n = 0, r;
	int		 i;

	for (i = 1; i < argc && n >= 0; i++) {
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			r = replay_dir(argv[i]);
		else
			r = replay_file(argv[i]) == 1 ? 1 : -1;
		n = r < 0 ? -1 : n + r;
	}
	if (n <= 0) {
		printf("FAIL replay %s: %s\n", replay_name(argv[0]),
		    n < 0 ? "unreadable input" : "no input");
		return 1;
	}
	printf("PASS replay %s (%ld inputs)\n", replay_name(argv[0]), n);
	return 0;
}
