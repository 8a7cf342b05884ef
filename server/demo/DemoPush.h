#pragma once

#include "common/auth/Role.h"
#include "server/http/HttpTypes.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sunshine {

struct Services;

// A demo account as a module's demo pushes in its name ("demo-<name>"), at the unit with that path.
AuthSession demoActor(const QString &name, Role role, const QString &orgUnitId, const QString &orgPath,
                      const QString &departmentId);

// Writes demo records as their users would push them, with every rule, consequence and history entry of a
// real push, in the caller's transaction.
class DemoPush
{
public:
    explicit DemoPush(Services &services)
        : m_services(services)
    {}

    // Writes `fields` over the record (created when new; a new id when `id` is empty) as `actor`; the
    // record's id. A change the rules refuse is logged and left out.
    QString put(const AuthSession &actor, const QString &type, QString id, const QString &orgUnitId,
                const QString &departmentId, const QJsonObject &fields);
    // The stored fields of a record (empty when there is none).
    QJsonObject fieldsOf(const QString &id);
    // The counties, in the org tree's order.
    QStringList counties();
    // The first `n` villages under the unit, by id.
    QStringList villagesUnder(const QString &unit, int n);
    QString townOf(const QString &village);

private:
    Services &m_services;
};

} // namespace sunshine
