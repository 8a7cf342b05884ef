#pragma once

#include "server/store/Store.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace sunshine {

// One record as a push hook sees it.
struct RecordSnapshot
{
    QString type;
    QString orgPath; // "/320600000000/320612000000/…/"
    QString departmentId;
    QJsonObject fields;
    bool deleted = true; // also "no record": the state before a record was created
    QString id;
};

// A consequence of pushed records that a module keeps in the push's own transaction (e.g. summary tables).
class PushHook
{
public:
    virtual ~PushHook() = default;
    // Whether records of this type concern the hook (only those are passed to apply()).
    virtual bool concerns(const QString &type) const = 0;
    // Called once per push, inside its transaction, with each touched record of a concerned type: as stored
    // before the push and as written. Throws StoreError to fail the push.
    virtual void apply(Store &store, const QList<QPair<RecordSnapshot, RecordSnapshot>> &changes) const = 0;
};

} // namespace sunshine
