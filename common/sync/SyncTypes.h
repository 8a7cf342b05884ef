#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace sunshine::sync {

// A synced record as it travels: the envelope every record type shares, then the type's own fields.
struct Record
{
    QString id; // UUID made where the record was created (offline, on the client)
    QString type;
    QString orgUnitId;
    QString departmentId;
    qint64 version = 0; // server version; 0 before the server has it
    qint64 updatedAtMs = 0;
    QString updatedBy; // user id
    bool deleted = false;
    bool lateSynced = false; // recorded offline before a window closed, arrived after it (set by the server)
    QJsonObject fields;

    QJsonObject toJson() const;
    // Lenient reading of what the server sent.
    static Record fromJson(const QJsonObject &o);
};

enum class OpKind
{
    Upsert,
    Delete
};

// One change made by a clerk, sent from the outbox. Applied at most once (the server remembers opId).
struct Operation
{
    QString opId;
    QString recordId;
    QString type;
    QString orgUnitId;
    QString departmentId;
    OpKind kind = OpKind::Upsert;
    qint64 baseVersion = 0;         // the server version the change was made on; 0 for a new record
    QJsonObject changedFields;      // only the fields the clerk changed, with their new values
    qint64 deviceTimeMs = 0;        // when the clerk saved it, by the device's clock
    qint64 lastServerContactMs = 0; // the device's last successful contact with the server

    QJsonObject toJson() const;
    // Strict: throws ApiError naming the problem.
    static Operation fromJson(const QJsonObject &o);
};

enum class OpStatus
{
    Applied,
    Rejected,
    Conflict
};
QString opStatusName(OpStatus s);

struct OpResult
{
    QString opId;
    OpStatus status = OpStatus::Rejected;
    qint64 version = 0; // applied: the record's new version
    QString code;       // rejected: stable code
    QString message;    // rejected/conflict: Chinese reason
    QString field;
    bool lateSynced = false;
    std::optional<Record> current; // conflict (and applied): the server's record now

    QJsonObject toJson() const;
    static OpResult fromJson(const QJsonObject &o);
};

// Pull: the changes after a cursor, in commit order.
struct PullPage
{
    QList<Record> records;
    QString cursor; // resume from here
    bool hasMore = false;

    QJsonObject toJson() const;
    static PullPage fromJson(const QJsonObject &o);
};

inline constexpr int kMaxBatchOperations = 1000;
inline constexpr int kMaxPullLimit = 5000;

} // namespace sunshine::sync
