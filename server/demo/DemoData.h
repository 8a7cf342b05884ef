#pragma once

#include "common/core/Clock.h"
#include "server/accounts/PasswordHasher.h"
#include "server/audit/AuditLog.h"
#include "server/store/Store.h"

#include <QList>
#include <QString>

namespace sunshine {

// Demo content for trying the system out: invented towns and villages (named as demo) under each real county,
// and one account per role at city, county and town level, all with the password Demo@2026.
class DemoData
{
public:
    static constexpr char16_t kPassword[] = u"Demo@2026";
    static constexpr int kTownsPerCounty = 11;
    static constexpr int kVillagesPerTown = 18;

    struct Account
    {
        QString username;
        QString displayName;
        QString role;
        QString orgUnitId;
        QString departmentId;
    };
    // The demo accounts, as listed in the README.
    static QList<Account> accounts();

    // Fills a store that has only the base org data; does nothing when demo data is there already.
    // Returns false when nothing was loaded.
    static bool loadIfEmpty(Store &store, const PasswordHasher &hasher, const Clock &clock, AuditLog &audit);

    // The id of the n-th (0-based) demo town of a county, and of the n-th village of a town.
    static QString townId(const QString &countyPrefix, int n);
    static QString villageId(const QString &townId, int n);
};

} // namespace sunshine
