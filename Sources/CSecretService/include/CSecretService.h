// A tiny C shim over libsecret (the Secret Service client library), loaded with dlopen on first use.
//
// Linking libsecret directly would make every `keyward` start-up load and initialise libsecret, GIO,
// GObject and GLib, even for commands that never touch the desktop keyring. This shim keeps them out of
// the process until a Secret Service store is actually used. It declares no libsecret or GLib types in
// its interface, so building needs only libc.
//
// Every function is thread-safe (calls are serialised) and reports failure as a malloc'd one-line
// message in *error_message, which the caller frees with keyward_secret_free_string.
#ifndef KEYWARD_C_SECRET_SERVICE_H
#define KEYWARD_C_SECRET_SERVICE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads libsecret if it is not loaded yet. Returns 0 on success, -1 with *error_message set.
int keyward_secret_load(char **error_message);

/// Connects to the Secret Service on the session bus and opens a session with it.
/// Returns 0 when the service answers, -1 with *error_message set.
int keyward_secret_probe(char **error_message);

/// Stores (creates or replaces) the item with these attributes in the default collection.
/// Returns 0 on success, -1 with *error_message set.
int keyward_secret_store(const char *schema_name, const char *kind, const char *name, const char *label,
                         const char *secret, char **error_message);

/// Looks up the item's secret. Returns 1 with *secret_out set (free with keyward_secret_free_string),
/// 0 when there is no such item, -1 with *error_message set.
int keyward_secret_lookup(const char *schema_name, const char *kind, const char *name, char **secret_out,
                          char **error_message);

/// Deletes the item. Returns 1 when an item was deleted, 0 when there was none, -1 with *error_message set.
int keyward_secret_clear(const char *schema_name, const char *kind, const char *name, char **error_message);

/// Lists the names of all items of this kind. Returns 0 with *names_out (count *count_out) set, to be
/// freed with keyward_secret_free_names; -1 with *error_message set.
int keyward_secret_list(const char *schema_name, const char *kind, char ***names_out, size_t *count_out,
                        char **error_message);

/// Overwrites a string with zeros and frees it; NULL is ignored.
void keyward_secret_free_string(char *string);

/// Frees a list returned by keyward_secret_list.
void keyward_secret_free_names(char **names, size_t count);

#ifdef __cplusplus
}
#endif

#endif
