#pragma once

#include "server/store/Store.h"

#include <QString>

namespace sunshine::test {

// The store the tests of this process run on: SUNSHINE_TEST_STORE = "sqlite" (default) or "postgresql".
StoreConfig::Kind testStoreKind();
QString testStoreName();

// A fresh, empty store of that kind: a new SQLite file in a per-process temporary directory, or a new
// database in the process's PostgreSQL test cluster. On failure: returns a default config and sets `error`,
// or, when `error` is null, stops the test program with the reason.
StoreConfig freshStoreConfig(QString *error = nullptr);
// The same for an explicit kind (a test that needs SQLite whatever the run's store is).
StoreConfig freshStoreConfig(StoreConfig::Kind kind, QString *error = nullptr);

} // namespace sunshine::test
