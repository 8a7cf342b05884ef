#pragma once

#include "server/http/HttpTypes.h"

#include <QJsonObject>
#include <QString>

namespace sunshine {

struct Services;

// The spot-check draw of an inspection (Art. 31: 随机抽查): the server draws the villages of the inspected
// unit and households of each drawn village from a new random seed, and keeps seed, population digests and
// result in the inspection record. Anyone who may read the inspection can have the draw re-done from the kept
// seed.
class SpotCheckService
{
public:
    explicit SpotCheckService(Services &services)
        : m_services(services)
    {}

    // Draws once (CONFLICT when already drawn); supervisors of the inspection's area. Returns the draw as
    // stored.
    QJsonObject draw(const AuthSession &session, const QString &inspectionId, const QString &address);
    // The stored draw beside the same draw re-done now from its seed over today's villages and households.
    QJsonObject verify(const AuthSession &session, const QString &inspectionId);

private:
    struct Inspection
    {
        QString orgUnitId;
        QString orgPath;
        QString departmentId;
        qint64 version = 0;
        QJsonObject fields;
    };
    Inspection load(const AuthSession &session, const QString &inspectionId);
    QStringList villagesUnder(const QString &orgPath);
    QStringList householdsOf(const QString &villageId);
    QString unitName(const QString &orgUnitId);

    Services &m_services;
};

} // namespace sunshine
