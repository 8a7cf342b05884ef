#include "app/records/RecordTableModel.h"

#include "app/sync/CacheQuery.h"
#include "app/sync/LocalCache.h"
#include "common/core/ChinaTime.h"
#include "common/core/IdCard.h"
#include "common/core/Money.h"
#include "common/sync/Masking.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

// The live records of one type: what LocalCache counts as they change.
const QString kLiveOfType = u" WHERE type = ? AND deleted = 0 AND local_deleted = 0"_s;

// Personal text that is neither an ID number nor a phone (e.g. a name): as common masks it.
QString maskedText(const QString &text)
{
    return sync::maskedText(text);
}

} // namespace

QString maskedPhone(const QString &phone)
{
    return sync::maskedPhone(phone);
}

RecordTableModel::RecordTableModel(LocalCache &cache, const sync::RecordType &type,
                                   QList<RecordColumn> columns, QObject *parent)
    : RecordTableModel(cache, type, std::move(columns), {}, parent)
{}

RecordTableModel::RecordTableModel(LocalCache &cache, const sync::RecordType &type,
                                   QList<RecordColumn> columns, const QMap<QString, QVariant> &equals,
                                   QObject *parent)
    : QAbstractTableModel(parent)
    , m_cache(cache)
    , m_type(type)
    , m_columns(std::move(columns))
{
    for (const RecordColumn &c : std::as_const(m_columns)) {
        Column col;
        col.column = c;
        col.sql = expressionFor(c.key, &col.spec, &col.envelope);
        m_cols.push_back(col);
    }
    for (auto it = equals.constBegin(); it != equals.constEnd(); ++it) {
        const QVariant &v = it.value();
        if (v.isValid() && !v.isNull() && !(v.typeId() == QMetaType::QString && v.toString().isEmpty()))
            m_equals.insert(it.key(), v);
    }
    load(kPageSize, true);
}

RecordTableModel::~RecordTableModel() = default;

QString RecordTableModel::expressionFor(const QString &key, std::optional<sync::FieldSpec> *spec,
                                        Envelope *envelope) const
{
    *envelope = Envelope::None;
    if (key == u"@state"_s) {
        *envelope = Envelope::State;
        return u"state"_s;
    }
    if (key == u"@updatedAt"_s) {
        *envelope = Envelope::UpdatedAt;
        return u"updated_at"_s;
    }
    if (key == u"@orgUnit"_s) {
        *envelope = Envelope::OrgUnit;
        return u"org_unit_id"_s;
    }
    if (key == u"@department"_s) {
        *envelope = Envelope::Department;
        return u"department_id"_s;
    }
    if (key == u"@lateSynced"_s) {
        *envelope = Envelope::LateSynced;
        return u"late_synced"_s;
    }
    *spec = m_type.field(key);
    if (!spec->has_value() || !cachequery::isFieldName(key)) {
        qWarning("record table: %s has no field %s", qPrintable(m_type.name()), qPrintable(key.left(64)));
        spec->reset();
        return u"NULL"_s;
    }
    return cachequery::field(key);
}

int RecordTableModel::columnOf(const QString &key) const
{
    for (int i = 0; i < int(m_cols.size()); ++i) {
        if (m_cols[size_t(i)].column.key == key)
            return i;
    }
    return -1;
}

void RecordTableModel::setSearchFields(const QStringList &fields)
{
    m_searchFields = fields;
    if (!m_search.isEmpty())
        restart(false);
}

void RecordTableModel::setSearch(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    restart(false);
}

void RecordTableModel::setEquals(const QString &field, const QVariant &value)
{
    const bool remove = !value.isValid() || value.isNull() ||
                        (value.typeId() == QMetaType::QString && value.toString().isEmpty());
    if (remove) {
        if (m_equals.remove(field) == 0)
            return;
    } else {
        m_equals.insert(field, value);
    }
    restart(false);
}

void RecordTableModel::clearEquals()
{
    if (m_equals.isEmpty())
        return;
    m_equals.clear();
    restart(false);
}

void RecordTableModel::setOrgUnits(const QStringList &orgUnitIds)
{
    if (orgUnitIds == m_orgUnits)
        return;
    m_orgUnits = orgUnitIds;
    restart(false);
}

void RecordTableModel::setShowPersonal(bool show)
{
    if (show == m_showPersonal)
        return;
    m_showPersonal = show;
    // The search treats personal fields differently when masked.
    if (!m_search.isEmpty()) {
        restart(false);
        return;
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RecordTableModel::setOrgUnitResolver(Resolver resolver)
{
    m_orgUnitResolver = std::move(resolver);
    m_resolved.clear();
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RecordTableModel::setReferenceResolver(const QString &field, Resolver resolver)
{
    m_referenceResolvers.insert(field, std::move(resolver));
    m_resolved.clear();
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RecordTableModel::setValueLabels(const QString &field, const QList<QPair<QString, QString>> &valueLabels)
{
    QHash<QString, QString> labels;
    for (const auto &pair : valueLabels)
        labels.insert(pair.first, pair.second);
    m_valueLabels.insert(field, labels);
    if (!m_search.isEmpty()) {
        restart(false);
        return;
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RecordTableModel::setCondition(const QString &name, const CacheCondition &condition)
{
    if (condition.isEmpty()) {
        if (m_conditions.remove(name) == 0)
            return;
    } else {
        m_conditions.insert(name, {condition.sql, condition.binds});
    }
    restart(false);
}

void RecordTableModel::reload()
{
    restart(true);
}

RecordTableModel::Filter RecordTableModel::filter() const
{
    Filter f;
    f.sql = kLiveOfType;
    f.binds.append(m_type.name());
    if (!m_orgUnits.isEmpty()) {
        f.sql += u" AND org_unit_id IN (SELECT value FROM json_each(?))"_s;
        f.binds.append(cachequery::jsonList(m_orgUnits));
    }
    for (auto it = m_equals.constBegin(); it != m_equals.constEnd(); ++it) {
        std::optional<sync::FieldSpec> spec;
        Envelope envelope = Envelope::None;
        const QString expr = expressionFor(it.key(), &spec, &envelope);
        if (expr == u"NULL"_s) {
            f.sql += u" AND 0"_s;
            continue;
        }
        QVariant v = it.value();
        if (envelope == Envelope::LateSynced || (spec && spec->kind == sync::FieldKind::Boolean))
            v = v.toBool() ? 1 : 0;
        else if (envelope == Envelope::State || envelope == Envelope::UpdatedAt ||
                 (spec && (spec->kind == sync::FieldKind::Integer || spec->kind == sync::FieldKind::Money)))
            v = v.toLongLong();
        else if (spec && spec->kind == sync::FieldKind::Number)
            v = v.toDouble();
        else
            v = v.toString();
        f.sql += u" AND "_s + expr + u" = ?"_s;
        f.binds.append(v);
    }
    for (auto it = m_conditions.constBegin(); it != m_conditions.constEnd(); ++it) {
        f.sql += u" AND ("_s + it.value().first + u')';
        f.binds.append(it.value().second);
    }
    if (!m_search.isEmpty()) {
        QStringList terms;
        for (const QString &name : std::as_const(m_searchFields)) {
            const std::optional<sync::FieldSpec> spec = m_type.field(name);
            if (!spec || !cachequery::isFieldName(name))
                continue;
            const QString expr = cachequery::field(name);
            if (spec->personal && !m_showPersonal) {
                // Masked: only the whole value finds the record, so the hidden digits cannot be guessed a
                // few at a time.
                QString whole = m_search;
                if (spec->kind == sync::FieldKind::IdNumber)
                    whole = whole.toUpper();
                terms.append(expr + u" = ?"_s);
                f.binds.append(whole);
            } else if (const auto labels = m_valueLabels.constFind(name);
                       labels != m_valueLabels.constEnd()) {
                QStringList values;
                for (auto l = labels->constBegin(); l != labels->constEnd(); ++l) {
                    if (l.value().contains(m_search, Qt::CaseInsensitive) ||
                        l.key().contains(m_search, Qt::CaseInsensitive))
                        values.append(l.key());
                }
                if (!values.isEmpty()) {
                    terms.append(expr + u" IN (SELECT value FROM json_each(?))"_s);
                    f.binds.append(cachequery::jsonList(values));
                }
            } else if (spec->kind == sync::FieldKind::Choice) {
                QStringList values;
                for (qsizetype i = 0; i < spec->choices.size(); ++i) {
                    const QString &value = spec->choices.at(i);
                    if (spec->choiceLabel(value).contains(m_search, Qt::CaseInsensitive) ||
                        value.contains(m_search, Qt::CaseInsensitive))
                        values.append(value);
                }
                if (!values.isEmpty()) {
                    terms.append(expr + u" IN (SELECT value FROM json_each(?))"_s);
                    f.binds.append(cachequery::jsonList(values));
                }
            } else {
                terms.append(expr + u" LIKE ? ESCAPE '\\'"_s);
                f.binds.append(cachequery::likePattern(m_search));
            }
        }
        f.sql += terms.isEmpty() ? u" AND 0"_s : u" AND ("_s + terms.join(u" OR "_s) + u')';
    }
    return f;
}

bool RecordTableModel::queryRows(const Filter &filter, const Row *after, int limit, bool windowCount,
                                 std::vector<Row> *out, qint64 *count)
{
    QString sql = u"SELECT rowid, id, state, state_message"_s;
    for (const Column &c : m_cols)
        sql += u", "_s + c.sql;
    if (windowCount)
        sql += u", COUNT(*) OVER ()"_s;
    sql += u" FROM records"_s + filter.sql;
    QVariantList binds = filter.binds;
    const bool desc = m_sortOrder == Qt::DescendingOrder;
    const QString sortSql = m_sortColumn >= 0 ? m_cols[size_t(m_sortColumn)].sql : QString();
    if (after) {
        // The rows after `after` in the order below (SQLite puts NULL first when ascending).
        if (sortSql.isEmpty()) {
            sql += desc ? u" AND rowid < ?"_s : u" AND rowid > ?"_s;
            binds.append(after->rowid);
        } else {
            const QVariant last = after->values.at(m_sortColumn);
            const QString &e = sortSql;
            if (last.isNull() && desc) {
                sql += u" AND ("_s + e + u" IS NULL AND id < ?)"_s;
                binds.append(after->id);
            } else if (last.isNull()) {
                sql += u" AND (("_s + e + u" IS NULL AND id > ?) OR "_s + e + u" IS NOT NULL)"_s;
                binds.append(after->id);
            } else {
                if (desc)
                    sql +=
                        u" AND ("_s + e + u" < ? OR ("_s + e + u" = ? AND id < ?) OR "_s + e + u" IS NULL)"_s;
                else
                    sql += u" AND ("_s + e + u" > ? OR ("_s + e + u" = ? AND id > ?))"_s;
                binds.append(last);
                binds.append(last);
                binds.append(after->id);
            }
        }
    }
    const QString dir = desc ? u" DESC"_s : u" ASC"_s;
    if (sortSql.isEmpty())
        sql += u" ORDER BY rowid"_s + dir;
    else
        sql += u" ORDER BY "_s + sortSql + dir + u", id"_s + dir;
    sql += u" LIMIT ?"_s;
    binds.append(limit);

    QSqlQuery q(m_cache.database());
    q.setForwardOnly(true);
    q.setNumericalPrecisionPolicy(QSql::LowPrecisionDouble);
    if (!q.prepare(sql)) {
        m_error = q.lastError().text();
        qWarning("record table: %s", qPrintable(m_error));
        return false;
    }
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        m_error = q.lastError().text();
        qWarning("record table: %s", qPrintable(m_error));
        return false;
    }
    m_error.clear();
    const int n = int(m_cols.size());
    while (q.next()) {
        Row r;
        r.rowid = q.value(0).toLongLong();
        r.id = q.value(1).toString();
        r.state = q.value(2).toInt();
        r.stateMessage = q.value(3).toString();
        r.values.reserve(n);
        for (int i = 0; i < n; ++i) {
            const QVariant v = q.value(4 + i);
            r.values.append(v.isNull() ? QVariant() : v);
        }
        if (windowCount && count)
            *count = q.value(4 + n).toLongLong();
        out->push_back(std::move(r));
    }
    return true;
}

bool RecordTableModel::load(int limit, bool withCount)
{
    const Filter f = filter();
    m_rows.clear();
    m_resolved.clear();
    m_atEnd = true;
    // A search reads every record of the type anyway: one pass counts and finds the first page. Otherwise
    // the count comes from the cache's own count or an index alone, and the first page stops after `limit`
    // rows.
    const bool windowCount = withCount && !m_search.isEmpty();
    qint64 total = withCount ? 0 : m_total; // without: the filters are unchanged, so is the count
    if (withCount && !windowCount && f.sql == kLiveOfType) {
        // No filter: counted from the cache's index of live records alone.
        total = m_cache.liveCount(m_type.name());
    } else if (withCount && !windowCount) {
        QSqlQuery q(m_cache.database());
        q.setForwardOnly(true);
        bool ok = q.prepare(u"SELECT COUNT(*) FROM records"_s + f.sql);
        for (const QVariant &b : f.binds)
            q.addBindValue(b);
        ok = ok && q.exec();
        if (!ok) {
            m_error = q.lastError().text();
            qWarning("record table: %s", qPrintable(m_error));
            m_total = 0;
            return false;
        }
        total = q.next() ? q.value(0).toLongLong() : 0;
    }
    if (!queryRows(f, nullptr, limit, windowCount, &m_rows, &total)) {
        m_total = 0;
        return false;
    }
    m_total = qMax<qint64>(total, qint64(m_rows.size()));
    m_atEnd = int(m_rows.size()) < limit || qint64(m_rows.size()) >= m_total;
    return true;
}

void RecordTableModel::restart(bool keepLoaded, bool recount)
{
    const qint64 before = m_total;
    int want = kPageSize;
    if (keepLoaded && int(m_rows.size()) > kPageSize)
        want = (int(m_rows.size()) + kPageSize - 1) / kPageSize * kPageSize;
    beginResetModel();
    load(want, recount);
    endResetModel();
    if (m_total != before)
        Q_EMIT totalCountChanged(m_total);
}

bool RecordTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

void RecordTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_atEnd || m_rows.empty())
        return;
    std::vector<Row> page;
    page.reserve(kPageSize);
    const Row last = m_rows.back();
    if (!queryRows(filter(), &last, kPageSize, false, &page, nullptr)) {
        m_atEnd = true;
        return;
    }
    const qint64 before = m_total;
    if (!page.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(page.size()) - 1);
        for (Row &r : page)
            m_rows.push_back(std::move(r));
        endInsertRows();
    }
    if (int(page.size()) < kPageSize) {
        m_atEnd = true;
        m_total = qint64(m_rows.size()); // records deleted since the count
    } else {
        m_total = qMax(m_total, qint64(m_rows.size()));
        m_atEnd = qint64(m_rows.size()) >= m_total;
    }
    if (m_total != before)
        Q_EMIT totalCountChanged(m_total);
}

void RecordTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= columnCount())
        column = -1;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // The same records in another order: counting a million of them again would only cost time.
    restart(false, !m_error.isEmpty());
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cols.size());
}

QString RecordTableModel::recordIdAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].id : QString();
}

int RecordTableModel::rowOf(const QString &recordId) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows[size_t(i)].id == recordId)
            return i;
    }
    return -1;
}

QString RecordTableModel::resolve(const Column &column, const QString &id) const
{
    if (id.isEmpty())
        return id;
    const Resolver *resolver = nullptr;
    if (column.envelope == Envelope::OrgUnit) {
        if (m_orgUnitResolver)
            resolver = &m_orgUnitResolver;
    } else if (auto it = m_referenceResolvers.constFind(column.column.key);
               it != m_referenceResolvers.constEnd()) {
        resolver = &it.value();
    } else if (auto all = m_referenceResolvers.constFind(QString()); all != m_referenceResolvers.constEnd()) {
        resolver = &all.value();
    }
    if (!resolver || !*resolver)
        return id;
    QHash<QString, QString> &known = m_resolved[column.column.key];
    if (auto it = known.constFind(id); it != known.constEnd())
        return it.value();
    const QString text = (*resolver)(id);
    known.insert(id, text);
    return text;
}

QVariant RecordTableModel::rawValue(const Column &column, const QVariant &raw) const
{
    switch (column.envelope) {
    case Envelope::State:
        return raw.toInt();
    case Envelope::UpdatedAt:
        return raw.toLongLong();
    case Envelope::OrgUnit:
    case Envelope::Department:
        return raw.toString();
    case Envelope::LateSynced:
        return raw.toInt() != 0;
    case Envelope::None:
        break;
    }
    if (!column.spec || !raw.isValid())
        return {};
    const sync::FieldSpec &spec = *column.spec;
    if (spec.personal && !m_showPersonal)
        return display(column, Row(), raw); // never the unmasked value while masked
    switch (spec.kind) {
    case sync::FieldKind::Boolean:
        return raw.toLongLong() != 0;
    case sync::FieldKind::Integer:
    case sync::FieldKind::Money:
        return raw.toLongLong();
    case sync::FieldKind::Number:
        return raw.toDouble();
    case sync::FieldKind::Attachments:
    case sync::FieldKind::StepList:
        return QJsonDocument::fromJson(raw.toString().toUtf8()).array();
    default:
        return raw.toString();
    }
}

QString RecordTableModel::display(const Column &column, const Row &row, const QVariant &raw) const
{
    switch (column.envelope) {
    case Envelope::State:
        switch (RecordState(row.state)) {
        case RecordState::Synced:
            return tr("Synced");
        case RecordState::Pending:
            return tr("Waiting to be sent");
        case RecordState::Rejected:
            return tr("Returned");
        case RecordState::Conflict:
            return tr("Conflict");
        }
        return {};
    case Envelope::UpdatedAt: {
        const qint64 ms = raw.toLongLong();
        if (ms <= 0)
            return {};
        // China time, as the regulation's deadlines are counted.
        return chinaDateTimeOf(ms).toString(u"yyyy-MM-dd HH:mm"_s);
    }
    case Envelope::OrgUnit:
    case Envelope::Department:
        return resolve(column, raw.toString());
    case Envelope::LateSynced:
        return raw.toInt() != 0 ? tr("Late") : QString();
    case Envelope::None:
        break;
    }
    if (!column.spec || !raw.isValid())
        return {};
    const sync::FieldSpec &spec = *column.spec;
    const bool mask = spec.personal && !m_showPersonal;
    if (const auto labels = m_valueLabels.constFind(column.column.key);
        labels != m_valueLabels.constEnd() && !mask)
        return labels->value(raw.toString(), raw.toString());
    switch (spec.kind) {
    case sync::FieldKind::Text:
    case sync::FieldKind::Date:
        return mask ? maskedText(raw.toString()) : raw.toString();
    case sync::FieldKind::Phone:
    case sync::FieldKind::Mobile:
        return mask ? maskedPhone(raw.toString()) : raw.toString();
    case sync::FieldKind::IdNumber:
        return mask ? IdCard::masked(raw.toString()) : raw.toString();
    case sync::FieldKind::Choice:
        return spec.choiceLabel(raw.toString());
    case sync::FieldKind::Integer:
        return mask ? u"***"_s : QString::number(raw.toLongLong());
    case sync::FieldKind::Money:
        return mask ? u"***"_s : money::formatYuan(raw.toLongLong());
    case sync::FieldKind::Number:
        return mask ? u"***"_s : QString::number(raw.toDouble(), 'g', QLocale::FloatingPointShortest);
    case sync::FieldKind::Boolean:
        return raw.toLongLong() != 0 ? tr("Yes") : tr("No");
    case sync::FieldKind::Reference:
        return resolve(column, raw.toString());
    case sync::FieldKind::Attachments: {
        const int n = int(QJsonDocument::fromJson(raw.toString().toUtf8()).array().size());
        return n == 0 ? QString() : tr("%n file(s)", nullptr, n);
    }
    case sync::FieldKind::StepList: {
        const int n = int(QJsonDocument::fromJson(raw.toString().toUtf8()).array().size());
        return n == 0 ? QString() : tr("%n step(s)", nullptr, n);
    }
    }
    return raw.toString();
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const Column &column = m_cols[size_t(index.column())];
    const QVariant &raw = row.values.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return display(column, row, raw);
    case RawValueRole:
        return rawValue(column, raw);
    case RecordIdRole:
        return row.id;
    case StateRole:
        return row.state;
    case Qt::ToolTipRole:
        if (column.envelope == Envelope::State) {
            switch (RecordState(row.state)) {
            case RecordState::Synced:
                return tr("Saved on the server");
            case RecordState::Pending:
                return tr("Saved on this computer; sent at the next sync");
            case RecordState::Rejected:
                return tr("The server returned this change: %1").arg(row.stateMessage);
            case RecordState::Conflict:
                return tr("Changed by someone else meanwhile – settle the conflict: %1")
                    .arg(row.stateMessage);
            }
        }
        if (column.envelope == Envelope::LateSynced && raw.toInt() != 0)
            return tr("Recorded offline before its entry window closed and sent after it");
        if (column.spec && column.spec->kind == sync::FieldKind::Text && !column.spec->personal) {
            const QString text = raw.toString();
            if (text.size() > 30)
                return text;
        }
        return {};
    case Qt::ForegroundRole:
        if (column.envelope == Envelope::State) {
            switch (RecordState(row.state)) {
            case RecordState::Synced:
                return QBrush(QColor(0x2e, 0x7d, 0x32));
            case RecordState::Pending:
                return QBrush(QColor(0x30, 0x60, 0xa0));
            case RecordState::Rejected:
                return QBrush(QColor(0xb0, 0x00, 0x20));
            case RecordState::Conflict:
                return QBrush(QColor(0xb3, 0x6b, 0x00));
            }
        }
        if (column.envelope == Envelope::LateSynced)
            return QBrush(QColor(0xb3, 0x6b, 0x00));
        return {};
    case Qt::TextAlignmentRole:
        if (column.spec &&
            (column.spec->kind == sync::FieldKind::Money || column.spec->kind == sync::FieldKind::Integer ||
             column.spec->kind == sync::FieldKind::Number))
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const Column &column = m_cols[size_t(section)];
    if (role == Qt::DisplayRole) {
        if (!column.column.header.isEmpty())
            return column.column.header;
        switch (column.envelope) {
        case Envelope::State:
            return tr("State");
        case Envelope::UpdatedAt:
            return tr("Updated");
        case Envelope::OrgUnit:
            return tr("Area");
        case Envelope::Department:
            return tr("Department");
        case Envelope::LateSynced:
            return tr("Late");
        case Envelope::None:
            break;
        }
        return column.spec ? column.spec->displayName() : column.column.key;
    }
    if (role == Qt::TextAlignmentRole && column.spec &&
        (column.spec->kind == sync::FieldKind::Money || column.spec->kind == sync::FieldKind::Integer ||
         column.spec->kind == sync::FieldKind::Number))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags RecordTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace sunshine::app
