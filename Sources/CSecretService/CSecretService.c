// See include/CSecretService.h. The few libsecret and GLib types used here are declared locally with
// the layouts their public headers document (GError, GList), so the shim compiles without those headers.
#include "CSecretService.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned int domain;
    int code;
    char *message;
} KWError;

typedef struct KWList {
    void *data;
    struct KWList *next;
    struct KWList *prev;
} KWList;

enum {
    KW_SCHEMA_FLAGS_NONE = 0,          // SECRET_SCHEMA_NONE
    KW_SCHEMA_ATTRIBUTE_STRING = 0,    // SECRET_SCHEMA_ATTRIBUTE_STRING
    KW_SEARCH_ALL = 1 << 1,            // SECRET_SEARCH_ALL
    KW_SERVICE_OPEN_SESSION = 1 << 1,  // SECRET_SERVICE_OPEN_SESSION
};

static const char *const kind_attribute = "keyward-kind";
static const char *const name_attribute = "keyward-name";

static struct {
    void *handle;
    void *(*schema_new)(const char *name, int flags, ...);
    void (*schema_unref)(void *schema);
    int (*store_sync)(const void *schema, const char *collection, const char *label, const char *password,
                      void *cancellable, KWError **error, ...);
    char *(*lookup_sync)(const void *schema, void *cancellable, KWError **error, ...);
    int (*clear_sync)(const void *schema, void *cancellable, KWError **error, ...);
    KWList *(*search_sync)(const void *schema, int flags, void *cancellable, KWError **error, ...);
    void (*password_free)(char *password);
    void *(*retrievable_get_attributes)(void *retrievable);
    void *(*service_get_sync)(int flags, void *cancellable, KWError **error);
    void *(*hash_table_lookup)(void *table, const void *key);
    void (*hash_table_unref)(void *table);
    void (*list_free_full)(KWList *list, void (*free_function)(void *));
    void (*object_unref)(void *object);
    void (*error_free)(KWError *error);
} api;

static pthread_mutex_t api_lock = PTHREAD_MUTEX_INITIALIZER;

static void set_error(char **error_message, const char *prefix, const char *detail) {
    if (error_message == NULL) return;
    size_t length = strlen(prefix) + (detail ? strlen(detail) : 0) + 3;
    char *message = malloc(length);
    if (message == NULL) return;
    snprintf(message, length, "%s%s%s", prefix, detail ? ": " : "", detail ? detail : "");
    // One line: the caller renders this inside a one-line error.
    for (char *c = message; *c; c++) {
        if (*c == '\n' || *c == '\r') *c = ' ';
    }
    *error_message = message;
}

static void take_error(char **error_message, const char *prefix, KWError *error) {
    set_error(error_message, prefix, error && error->message ? error->message : "unknown error");
    if (error) api.error_free(error);
}

#define KW_RESOLVE(field, symbol)                                              \
    do {                                                                       \
        *(void **)(&api.field) = dlsym(handle, symbol);                        \
        if (api.field == NULL) {                                               \
            set_error(error_message, "libsecret lacks " symbol, dlerror());    \
            return -1;                                                         \
        }                                                                      \
    } while (0)

// Called with api_lock held.
static int load_locked(char **error_message) {
    if (api.handle != NULL) return 0;
    dlerror();
    void *handle = dlopen("libsecret-1.so.0", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        set_error(error_message, "cannot load libsecret-1.so.0", dlerror());
        return -1;
    }
    // dlsym on this handle also searches libsecret's own dependencies (GLib, GObject, GIO).
    KW_RESOLVE(schema_new, "secret_schema_new");
    KW_RESOLVE(schema_unref, "secret_schema_unref");
    KW_RESOLVE(store_sync, "secret_password_store_sync");
    KW_RESOLVE(lookup_sync, "secret_password_lookup_sync");
    KW_RESOLVE(clear_sync, "secret_password_clear_sync");
    KW_RESOLVE(search_sync, "secret_password_search_sync");
    KW_RESOLVE(password_free, "secret_password_free");
    KW_RESOLVE(retrievable_get_attributes, "secret_retrievable_get_attributes");
    KW_RESOLVE(service_get_sync, "secret_service_get_sync");
    KW_RESOLVE(hash_table_lookup, "g_hash_table_lookup");
    KW_RESOLVE(hash_table_unref, "g_hash_table_unref");
    KW_RESOLVE(list_free_full, "g_list_free_full");
    KW_RESOLVE(object_unref, "g_object_unref");
    KW_RESOLVE(error_free, "g_error_free");
    // libsecret is never unloaded: GLib's type system does not support it.
    api.handle = handle;
    return 0;
}

static void *new_schema(const char *schema_name) {
    return api.schema_new(schema_name, KW_SCHEMA_FLAGS_NONE, kind_attribute, KW_SCHEMA_ATTRIBUTE_STRING,
                          name_attribute, KW_SCHEMA_ATTRIBUTE_STRING, NULL);
}

int keyward_secret_load(char **error_message) {
    pthread_mutex_lock(&api_lock);
    int result = load_locked(error_message);
    pthread_mutex_unlock(&api_lock);
    return result;
}

int keyward_secret_probe(char **error_message) {
    pthread_mutex_lock(&api_lock);
    int result = load_locked(error_message);
    if (result == 0) {
        KWError *error = NULL;
        void *service = api.service_get_sync(KW_SERVICE_OPEN_SESSION, NULL, &error);
        if (service == NULL) {
            take_error(error_message, "the Secret Service does not answer", error);
            result = -1;
        } else {
            api.object_unref(service);
        }
    }
    pthread_mutex_unlock(&api_lock);
    return result;
}

int keyward_secret_store(const char *schema_name, const char *kind, const char *name, const char *label,
                         const char *secret, char **error_message) {
    pthread_mutex_lock(&api_lock);
    int result = load_locked(error_message);
    if (result == 0) {
        void *schema = new_schema(schema_name);
        KWError *error = NULL;
        // A NULL collection means the default collection ("login" in GNOME Keyring).
        int stored = api.store_sync(schema, NULL, label, secret, NULL, &error, kind_attribute, kind,
                                    name_attribute, name, NULL);
        if (!stored) {
            take_error(error_message, "cannot store the item", error);
            result = -1;
        }
        api.schema_unref(schema);
    }
    pthread_mutex_unlock(&api_lock);
    return result;
}

int keyward_secret_lookup(const char *schema_name, const char *kind, const char *name, char **secret_out,
                          char **error_message) {
    pthread_mutex_lock(&api_lock);
    int result = load_locked(error_message);
    if (result == 0) {
        void *schema = new_schema(schema_name);
        KWError *error = NULL;
        char *secret = api.lookup_sync(schema, NULL, &error, kind_attribute, kind, name_attribute, name, NULL);
        if (error != NULL) {
            take_error(error_message, "cannot read the item", error);
            result = -1;
        } else if (secret == NULL) {
            result = 0;
        } else {
            *secret_out = strdup(secret);
            api.password_free(secret);  // wipes libsecret's copy
            result = *secret_out ? 1 : -1;
            if (*secret_out == NULL) set_error(error_message, "out of memory", NULL);
        }
        api.schema_unref(schema);
    }
    pthread_mutex_unlock(&api_lock);
    return result;
}

int keyward_secret_clear(const char *schema_name, const char *kind, const char *name, char **error_message) {
    pthread_mutex_lock(&api_lock);
    int result = load_locked(error_message);
    if (result == 0) {
        void *schema = new_schema(schema_name);
        KWError *error = NULL;
        int removed = api.clear_sync(schema, NULL, &error, kind_attribute, kind, name_attribute, name, NULL);
        if (error != NULL) {
            take_error(error_message, "cannot delete the item", error);
            result = -1;
        } else {
            result = removed ? 1 : 0;
        }
        api.schema_unref(schema);
    }
    pthread_mutex_unlock(&api_lock);
    return result;
}

int keyward_secret_list(const char *schema_name, const char *kind, char ***names_out, size_t *count_out,
                        char **error_message) {
    pthread_mutex_lock(&api_lock);
    int result = load_locked(error_message);
    if (result == 0) {
        void *schema = new_schema(schema_name);
        KWError *error = NULL;
        KWList *items = api.search_sync(schema, KW_SEARCH_ALL, NULL, &error, kind_attribute, kind, NULL);
        if (error != NULL) {
            take_error(error_message, "cannot search the keyring", error);
            result = -1;
        } else {
            size_t capacity = 0;
            for (KWList *item = items; item != NULL; item = item->next) capacity++;
            char **names = calloc(capacity + 1, sizeof(char *));
            size_t count = 0;
            for (KWList *item = items; item != NULL && names != NULL; item = item->next) {
                void *attributes = api.retrievable_get_attributes(item->data);
                if (attributes == NULL) continue;
                const char *value = api.hash_table_lookup(attributes, name_attribute);
                if (value != NULL) names[count++] = strdup(value);
                api.hash_table_unref(attributes);
            }
            if (items != NULL) api.list_free_full(items, api.object_unref);
            if (names == NULL) {
                set_error(error_message, "out of memory", NULL);
                result = -1;
            } else {
                *names_out = names;
                *count_out = count;
            }
        }
        api.schema_unref(schema);
    }
    pthread_mutex_unlock(&api_lock);
    return result;
}

void keyward_secret_free_string(char *string) {
    if (string == NULL) return;
    volatile char *cursor = string;
    while (*cursor) *cursor++ = 0;
    free(string);
}

void keyward_secret_free_names(char **names, size_t count) {
    if (names == NULL) return;
    for (size_t index = 0; index < count; index++) free(names[index]);
    free(names);
}
