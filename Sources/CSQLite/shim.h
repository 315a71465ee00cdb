#ifndef QCAP_CSQLITE_SHIM_H
#define QCAP_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot import: SQLite copies a value
/// bound with it before the bind call returns, so Swift strings and arrays may be passed without lifetime worries.
static inline sqlite3_destructor_type qcap_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
