#pragma once

#include "server/store/Store.h"

#include <QString>

namespace sunshine {

// Applies the numbered schema migrations (server/store/sql/<store>/NNNN_name.sql) at start.
// A store written by a newer version of the program is refused.
class Migrator
{
public:
    explicit Migrator(Store &store);

    // The newest schema this program knows.
    static int latestVersion();
    // The schema of the store; 0 for an empty one.
    int currentVersion();
    // Brings the store to `target` (default: latest). Returns false with a Chinese reason.
    bool migrate(QString *error, int target = -1);

private:
    QStringList statementsOf(int version) const;
    void ensureVersionTable();

    Store &m_store;
};

} // namespace sunshine
