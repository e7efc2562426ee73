/* Secret tokens for cookies and mailed links: 256 random bits as unpadded
 * base64url; the database keeps only their hex SHA-256. */
#ifndef TOKEN_H
#define TOKEN_H

#define TOKEN_LEN	44	/* 43 base64url characters and NUL */
#define TOKEN_HASH_LEN	65	/* hex SHA-256 and NUL */

void	token_random(char token[TOKEN_LEN]);
void	token_hash(const char *token, char out[TOKEN_HASH_LEN]);
void	token_new(char token[TOKEN_LEN], char hash[TOKEN_HASH_LEN]);

#endif
