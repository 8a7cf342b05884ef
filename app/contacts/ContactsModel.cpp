#include "app/contacts/ContactsModel.h"

#include "app/sync/CacheQuery.h"
#include "app/sync/ClientSession.h"
#include "common/sync/DepartmentContact.h"

#include <QBrush>
#include <QColor>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

ContactsModel::ContactsModel(ClientSession &session, QObject *parent)
    : QSqlQueryModel(parent)
    , m_session(session)
{
    reload();
}

void ContactsModel::setSearch(const QString &text)
{
    m_search = text.trimmed();
    reload();
}

void ContactsModel::reload()
{
    using namespace cachequery;
    CacheQuery query(m_session.cache(), QString::fromUtf16(sync::DepartmentContactType::kName));
    query.includeServerDeleted();
    if (!m_search.isEmpty())
        query.where(containsText({u"name"_s, u"post"_s, u"officePhone"_s, u"mobile"_s}, m_search));
    query.orderBy(kDepartment).orderBy(field(u"contactRole"_s));
    // The columns in the order of the Column enum.
    setQuery(query.exec({kId, kDepartment, field(u"contactRole"_s), field(u"name"_s), field(u"post"_s),
                         field(u"officePhone"_s), field(u"mobile"_s), kState, kStateMessage}));
}

QString ContactsModel::recordIdAt(int row) const
{
    return QSqlQueryModel::data(index(row, Id)).toString();
}

QString ContactsModel::roleText(const QString &contactRole)
{
    if (contactRole == u"leader"_s)
        return tr("Leader in charge");
    if (contactRole == u"liaison"_s)
        return tr("Liaison");
    return contactRole;
}

QVariant ContactsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const QVariant raw = QSqlQueryModel::data(index, Qt::DisplayRole);
    if (role == RecordIdRole)
        return QSqlQueryModel::data(this->index(index.row(), Id));
    if (role == StateRole)
        return QSqlQueryModel::data(this->index(index.row(), State));
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Department:
            return m_session.departmentName(raw.toString());
        case Role:
            return roleText(raw.toString());
        case State: {
            const QString message = QSqlQueryModel::data(this->index(index.row(), StateMessage)).toString();
            switch (RecordState(raw.toInt())) {
            case RecordState::Synced:
                return tr("Synced");
            case RecordState::Pending:
                return tr("Waiting to be sent");
            case RecordState::Rejected:
                return tr("Returned: %1").arg(message);
            case RecordState::Conflict:
                return tr("Conflict: changed by someone else – settle it");
            }
            return {};
        }
        default:
            return raw;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == State) {
        const auto state = RecordState(QSqlQueryModel::data(this->index(index.row(), State)).toInt());
        if (state == RecordState::Rejected)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (state == RecordState::Conflict)
            return QBrush(QColor(0xb3, 0x6b, 0x00));
        if (state == RecordState::Pending)
            return QBrush(QColor(0x30, 0x60, 0xa0));
    }
    return QSqlQueryModel::data(index, role);
}

QVariant ContactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QSqlQueryModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Record");
    case Department:
        return tr("Department");
    case Role:
        return tr("Role");
    case Name:
        return tr("Name");
    case Post:
        return tr("Post");
    case OfficePhone:
        return tr("Office phone");
    case Mobile:
        return tr("Mobile");
    case State:
        return tr("State");
    case StateMessage:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace sunshine::app
