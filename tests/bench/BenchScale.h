#pragma once

// What the Nantong-scale benchmarks share: the generator's options from the command line, and a fresh store
// of one kind migrated with the base org data and the demo tree the generator spreads its records over.
#include "common/core/ChinaTime.h"
#include "common/core/Clock.h"
#include "server/accounts/PasswordHasher.h"
#include "server/audit/AuditLog.h"
#include "server/demo/BaseData.h"
#include "server/demo/DemoData.h"
#include "server/demo/ScaleData.h"
#include "server/store/Migrator.h"
#include "tests/support/TestStores.h"

#include <QStringList>
#include <memory>

namespace sunshine::bench {

// --disbursements, --households, --members, --seed, --today (default: today in China), --no-history.
inline ScaleData::Options scaleOptions(const QStringList &args)
{
    auto option = [&](const QString &key, const QString &fallback) {
        const qsizetype i = args.indexOf(key);
        return i >= 0 ? args.value(i + 1) : fallback;
    };
    ScaleData::Options o;
    o.disbursements = option(QStringLiteral("--disbursements"), QStringLiteral("10000000")).toLongLong();
    o.households = option(QStringLiteral("--households"), QStringLiteral("100000")).toInt();
    o.members = option(QStringLiteral("--members"), QStringLiteral("300000")).toInt();
    o.seed = option(QStringLiteral("--seed"), QStringLiteral("20191210")).toULongLong();
    o.today = QDate::fromString(
        option(QStringLiteral("--today"), chinaDateOf(SystemClock().nowMs()).toString(Qt::ISODate)),
        Qt::ISODate);
    o.history = !args.contains(QStringLiteral("--no-history"));
    return o;
}

// A fresh, migrated store ("sqlite" or "postgresql") with the base org data and the demo tree; nothing and
// the reason in `error` when it cannot be made.
inline std::unique_ptr<Store> freshScaleStore(const QString &storeName, const Clock &clock, QString *error)
{
    const StoreConfig config = test::freshStoreConfig(
        storeName == QStringLiteral("postgresql") ? StoreConfig::Kind::Postgresql : StoreConfig::Kind::Sqlite,
        error);
    if (!error->isEmpty())
        return nullptr;
    auto store = std::make_unique<Store>(config);
    Migrator migrator(*store);
    if (!store->open(error) || !migrator.migrate(error))
        return nullptr;
    PasswordHasher hasher(PasswordHasher::minimum());
    AuditLog audit(*store, clock);
    loadBaseOrgData(*store);
    DemoData::loadIfEmpty(*store, hasher, clock, audit);
    return store;
}

} // namespace sunshine::bench
