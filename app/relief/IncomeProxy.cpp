#include "relief/IncomeProxy.h"

#include "core/Money.h"
#include "records/RecordTableModel.h"
#include "sync/ClientSession.h"

#include <QColor>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

IncomeProxy::IncomeProxy(ClientSession &session, QObject *parent)
    : QIdentityProxyModel(parent)
    , m_session(session)
{}

void IncomeProxy::setSourceModel(QAbstractItemModel *model)
{
    QIdentityProxyModel::setSourceModel(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_cache.clear(); });
}

int IncomeProxy::incomeColumn() const
{
    return sourceModel() ? sourceModel()->columnCount() : 0;
}

relief::PerCapitaIncome IncomeProxy::incomeOf(const QString &householdId) const
{
    if (const auto it = m_cache.constFind(householdId); it != m_cache.constEnd())
        return *it;
    QList<relief::QuarterIncome> incomes;
    int members = 0;
    relief::Quarter latest;
    QSqlQuery q(m_session.cache().database());
    q.prepare(u"SELECT data FROM records WHERE type = 'household-income' AND json_extract(data, "
              u"'$.householdId') = ? "
              u"AND deleted = 0 AND local_deleted = 0"_s);
    q.addBindValue(householdId);
    q.exec();
    while (q.next()) {
        const QJsonObject f = QJsonDocument::fromJson(q.value(0).toByteArray()).object();
        const std::optional<relief::Quarter> quarter =
            relief::Quarter::parse(f.value(u"quarter"_s).toString());
        if (!quarter)
            continue;
        relief::QuarterIncome in;
        in.quarter = *quarter;
        in.wagesFen = qint64(f.value(u"wagesFen"_s).toDouble());
        in.businessFen = qint64(f.value(u"businessFen"_s).toDouble());
        in.propertyFen = qint64(f.value(u"propertyFen"_s).toDouble());
        in.transferFen = qint64(f.value(u"transferFen"_s).toDouble());
        incomes.append(in);
        if (!latest.isValid() || latest < *quarter) {
            latest = *quarter;
            members = f.value(u"members"_s).toInt();
        }
    }
    relief::PerCapitaIncome result;
    if (latest.isValid())
        result = relief::perCapitaIncome(incomes, members, latest);
    m_cache.insert(householdId, result);
    return result;
}

int IncomeProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount() + 1;
}

QModelIndex IncomeProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (column == incomeColumn() && !parent.isValid() && row >= 0 && row < rowCount())
        return createIndex(row, column);
    return QIdentityProxyModel::index(row, column, parent);
}

QModelIndex IncomeProxy::sibling(int row, int column, const QModelIndex &idx) const
{
    return index(row, column, idx.parent());
}

QModelIndex IncomeProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (proxyIndex.isValid() && proxyIndex.column() == incomeColumn())
        return {};
    return QIdentityProxyModel::mapToSource(proxyIndex);
}

QVariant IncomeProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.column() != incomeColumn())
        return QIdentityProxyModel::data(index, role);
    const QString id = sourceModel()->index(index.row(), 0).data(RecordTableModel::RecordIdRole).toString();
    if (role == RecordTableModel::RecordIdRole)
        return id;
    if (role != Qt::DisplayRole && role != Qt::ForegroundRole && role != Qt::ToolTipRole &&
        role != Qt::TextAlignmentRole)
        return {};
    const relief::PerCapitaIncome income = incomeOf(id);
    if (income.quartersRecorded == 0)
        return role == Qt::DisplayRole ? QVariant(tr("no income recorded")) : QVariant();
    switch (role) {
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return income.atOrAboveLine ? QVariant(QColor(0xb3, 0x26, 0x1e)) : QVariant();
    case Qt::ToolTipRole:
        return tr("%1 yuan a year for the household over %n recorded quarter(s)", nullptr,
                  income.quartersRecorded)
            .arg(money::formatYuan(income.annualFen));
    default:
        return income.atOrAboveLine ? tr("%1 ≥ 7,000").arg(money::formatYuan(income.perCapitaFen))
                                    : money::formatYuan(income.perCapitaFen);
    }
}

QVariant IncomeProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == incomeColumn() && role == Qt::DisplayRole)
        return tr("Per-capita income (yuan/year)");
    return QIdentityProxyModel::headerData(section, orientation, role);
}

Qt::ItemFlags IncomeProxy::flags(const QModelIndex &index) const
{
    if (index.isValid() && index.column() == incomeColumn())
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return QIdentityProxyModel::flags(index);
}

void IncomeProxy::sort(int column, Qt::SortOrder order)
{
    if (column == incomeColumn())
        return; // computed per row: not an order the cache can give
    QIdentityProxyModel::sort(column, order);
}

} // namespace sunshine::app
