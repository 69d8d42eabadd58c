#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#include <openssl/pem.h>
#include <openssl/cms.h>
#include <openssl/pkcs12.h>
#include <openssl/ts.h>
#include <openssl/ess.h>
#include <openssl/engine.h>
#include <openssl/provider.h>
#include <openssl/crypto.h>
#include <string.h>

/* Thin wrappers over OpenSSL macros, which Swift does not import. */

static inline void copenssl_free(void *p) { OPENSSL_free(p); }

static inline unsigned long copenssl_name_flags_rfc2253(void) { return XN_FLAG_RFC2253; }

static inline long copenssl_bio_mem_data(BIO *b, char **pp) { return BIO_get_mem_data(b, pp); }

static inline STACK_OF(X509) *copenssl_sk_x509_new(void) { return sk_X509_new_null(); }
static inline int copenssl_sk_x509_push(STACK_OF(X509) *s, X509 *x) { return sk_X509_push(s, x); }
static inline void copenssl_sk_x509_free(STACK_OF(X509) *s) { sk_X509_free(s); }
static inline void copenssl_sk_x509_pop_free(STACK_OF(X509) *s) { sk_X509_pop_free(s, X509_free); }
static inline int copenssl_sk_x509_num(const STACK_OF(X509) *s) { return sk_X509_num(s); }
static inline X509 *copenssl_sk_x509_value(const STACK_OF(X509) *s, int i) { return sk_X509_value(s, i); }
static inline STACK_OF(X509_CRL) *copenssl_sk_crl_new(void) { return sk_X509_CRL_new_null(); }
static inline int copenssl_sk_crl_push(STACK_OF(X509_CRL) *s, X509_CRL *c) { return sk_X509_CRL_push(s, c); }
static inline void copenssl_sk_crl_free(STACK_OF(X509_CRL) *s) { sk_X509_CRL_free(s); }

/* Chain verification that records every error (code, depth), continuing past the same errors
 * as `openssl verify` does, so that a report lists all the problems of a certificate. */
typedef struct {
    int count;
    int codes[16];
    int depths[16];
} copenssl_verify_log;

static inline int copenssl_verify_callback(int ok, X509_STORE_CTX *ctx) {
    if (!ok) {
        copenssl_verify_log *log = (copenssl_verify_log *)X509_STORE_CTX_get_ex_data(ctx, 0);
        int err = X509_STORE_CTX_get_error(ctx);
        if (log != NULL && log->count < 16) {
            log->codes[log->count] = err;
            log->depths[log->count] = X509_STORE_CTX_get_error_depth(ctx);
            log->count++;
        }
        switch (err) {
        case X509_V_ERR_NO_EXPLICIT_POLICY:
        case X509_V_ERR_CERT_HAS_EXPIRED:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_INVALID_CA:
        case X509_V_ERR_INVALID_NON_CA:
        case X509_V_ERR_PATH_LENGTH_EXCEEDED:
        case X509_V_ERR_CRL_HAS_EXPIRED:
        case X509_V_ERR_CRL_NOT_YET_VALID:
        case X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION:
            ok = 1;
            break;
        default:
            break;
        }
    }
    return ok;
}

/* Verifies `leaf` at time `at` against `store`; `untrusted` and `crls` may be NULL. Returns
 * X509_verify_cert's result; every error is in `log`. */
static inline int copenssl_verify_certificate(X509_STORE *store, X509 *leaf, STACK_OF(X509) *untrusted,
                                              STACK_OF(X509_CRL) *crls, time_t at, copenssl_verify_log *log) {
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    if (ctx == NULL) return -1;
    memset(log, 0, sizeof(*log));
    if (!X509_STORE_CTX_init(ctx, store, leaf, untrusted)) { X509_STORE_CTX_free(ctx); return -1; }
    X509_STORE_CTX_set_ex_data(ctx, 0, log);
    X509_STORE_CTX_set_verify_cb(ctx, copenssl_verify_callback);
    X509_STORE_CTX_set_time(ctx, 0, at);
    if (crls != NULL) {
        X509_STORE_CTX_set0_crls(ctx, crls);
        X509_STORE_CTX_set_flags(ctx, X509_V_FLAG_CRL_CHECK);
    }
    int rc = X509_verify_cert(ctx);
    X509_STORE_CTX_free(ctx);
    return rc;
}

/* The PKCS#11 engine (libengine-pkcs11-openssl), configured for `module` and logged in with `pin`. */
static inline ENGINE *copenssl_pkcs11_engine(const char *module, const char *pin) {
    ENGINE_load_dynamic();
    ENGINE *e = ENGINE_by_id("pkcs11");
    if (e == NULL) return NULL;
    if (module != NULL && !ENGINE_ctrl_cmd_string(e, "MODULE_PATH", module, 0)) { ENGINE_free(e); return NULL; }
    if (pin != NULL && !ENGINE_ctrl_cmd_string(e, "PIN", pin, 0)) { ENGINE_free(e); return NULL; }
    if (!ENGINE_init(e)) { ENGINE_free(e); return NULL; }
    return e;
}

/* Loads the certificate `id` (a pkcs11: URI) from the engine's token; NULL when absent. */
static inline X509 *copenssl_pkcs11_certificate(ENGINE *e, const char *id) {
    struct { const char *id; X509 *cert; } params = { id, NULL };
    if (!ENGINE_ctrl_cmd(e, "LOAD_CERT_CTRL", 0, &params, NULL, 0)) return NULL;
    return params.cert;
}
#endif
