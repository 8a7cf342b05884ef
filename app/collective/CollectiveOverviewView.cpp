#include "app/collective/CollectiveOverviewView.h"

#include "app/collective/RentCalendarView.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/sync/SyncEngine.h"
#include "common/core/Money.h"
#include "common/io/XlsxWriter.h"

#include <QBrush>
#include <QComboBox>
#include <QDir>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using collectivequery::OverviewRow;
using collectivequery::VillageFigures;

namespace {

qint64 valueOf(const VillageFigures &f, int column)
{
    switch (column) {
    case CollectiveOverviewModel::IncomeColumn:
        return f.income;
    case CollectiveOverviewModel::SpendingColumn:
        return f.spending;
    case CollectiveOverviewModel::CashColumn:
        return f.cash;
    case CollectiveOverviewModel::BankColumn:
        return f.bank;
    case CollectiveOverviewModel::AssetsColumn:
        return f.assets;
    case CollectiveOverviewModel::NetAssetsColumn:
        return f.netAssets;
    case CollectiveOverviewModel::ContractsColumn:
        return f.contracts;
    case CollectiveOverviewModel::ContractValueColumn:
        return f.contractValue;
    case CollectiveOverviewModel::ArrearsColumn:
        return f.arrears;
    case CollectiveOverviewModel::WarningsColumn:
        return f.openWarnings;
    default:
        return 0;
    }
}

} // namespace

bool CollectiveOverviewModel::isAmount(int column)
{
    return column == IncomeColumn || column == SpendingColumn || column == CashColumn ||
           column == BankColumn || column == NetAssetsColumn || column == ContractValueColumn ||
           column == ArrearsColumn;
}

CollectiveOverviewModel::CollectiveOverviewModel(ClientSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{}

void CollectiveOverviewModel::show(const QString &orgUnitId, int year)
{
    m_unit = orgUnitId;
    m_year = year;
    reload();
}

void CollectiveOverviewModel::reload()
{
    beginResetModel();
    m_overview = collectivequery::overview(m_session.cache(), m_session.orgUnits(), m_unit, m_year,
                                           m_session.clock().todayInChina());
    if (!m_overview.total.orgUnitId.isEmpty())
        m_overview.total.name = tr("%1 in total").arg(m_overview.total.name);
    endResetModel();
}

int CollectiveOverviewModel::rowOf(const QString &orgUnitId) const
{
    for (qsizetype i = 0; i < m_overview.rows.size(); ++i) {
        if (m_overview.rows.at(i).orgUnitId == orgUnitId)
            return int(i);
    }
    return -1;
}

int CollectiveOverviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : unitRows() + 1;
}

int CollectiveOverviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant CollectiveOverviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > unitRows())
        return {};
    const bool isTotal = index.row() == unitRows();
    const OverviewRow &r = isTotal ? m_overview.total : m_overview.rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::TextAlignmentRole:
        return column == UnitColumn ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::FontRole: {
        if (!isTotal)
            return {};
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case Qt::ForegroundRole:
        // Rent owed and warnings open stand out, as the rent calendar shows arrears.
        if ((column == ArrearsColumn || column == WarningsColumn) && valueOf(r.figures, column) > 0)
            return QBrush(RentCalendarModel::arrearsColor());
        return {};
    case ValueRole:
        return column == UnitColumn ? QVariant(r.name) : QVariant(valueOf(r.figures, column));
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    if (column == UnitColumn)
        return r.name;
    const qint64 value = valueOf(r.figures, column);
    return isAmount(column) ? QVariant(money::formatYuan(value)) : QVariant(value);
}

QVariant CollectiveOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    const QString names[ColumnCount] = {tr("Unit"),
                                        tr("Income (yuan)"),
                                        tr("Spending (yuan)"),
                                        tr("Cash (yuan)"),
                                        tr("Bank (yuan)"),
                                        tr("Assets"),
                                        tr("Net assets (yuan)"),
                                        tr("Contracts in force"),
                                        tr("Contract value (yuan)"),
                                        tr("Rent in arrears (yuan)"),
                                        tr("Open warnings")};
    return names[section];
}

CollectiveOverviewView::CollectiveOverviewView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_year = new QComboBox(this);
    m_year->setObjectName(u"collectiveOverviewYear"_s);
    const int thisYear = session.clock().todayInChina().year();
    for (int y = thisYear; y >= thisYear - 4; --y)
        m_year->addItem(QString::number(y), y);
    m_where = new QLabel(this);
    m_up = new QPushButton(tr("&Up a level"), this);
    m_up->setObjectName(u"collectiveOverviewUp"_s);
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    exportButton->setObjectName(u"exportCollectiveOverview"_s);
    m_model = new CollectiveOverviewModel(session, this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"collectiveOverview"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(130);
    m_table->setColumnWidth(CollectiveOverviewModel::UnitColumn, 200);
    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(tr("Year:"), this));
    head->addWidget(m_year);
    head->addSpacing(12);
    head->addWidget(m_where, 1);
    head->addWidget(m_up);
    head->addWidget(exportButton);
    auto *hint =
        new QLabel(tr("Income and spending of the year chosen (transfers between a village's own accounts "
                      "are neither; a reversing entry counts against its class); balances, assets, "
                      "contracts and rent in arrears as they stand today. Double-click a unit to see "
                      "the units below it."),
                   this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(head);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);
    connect(m_year, &QComboBox::currentIndexChanged, this, [this] { showUnit(m_model->orgUnitId()); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) { openRow(i.row()); });
    connect(m_up, &QPushButton::clicked, this, &CollectiveOverviewView::up);
    connect(exportButton, &QPushButton::clicked, this, &CollectiveOverviewView::exportTable);
    connect(&session.engine(), &SyncEngine::cacheChanged, m_model, &CollectiveOverviewModel::reload);
    connect(&session, &ClientSession::orgUnitsChanged, m_model, &CollectiveOverviewModel::reload);
    showUnit(session.user().orgUnitId);
}

void CollectiveOverviewView::setYear(int year)
{
    const int index = m_year->findData(year);
    if (index >= 0)
        m_year->setCurrentIndex(index);
}

void CollectiveOverviewView::showUnit(const QString &orgUnitId)
{
    m_model->show(orgUnitId, m_year->currentData().toInt());
    const std::optional<OrgUnit> unit = m_session.orgUnit(orgUnitId);
    m_where->setText(unit ? unit->name : QString());
    m_up->setEnabled(orgUnitId != m_session.user().orgUnitId);
}

void CollectiveOverviewView::openRow(int row)
{
    if (row < 0 || row >= m_model->unitRows())
        return;
    const QString id = m_model->rowAt(row).orgUnitId;
    const std::optional<OrgUnit> unit = m_session.orgUnit(id);
    if (!unit || unit->level == OrgLevel::Village || id == m_model->orgUnitId())
        return;
    showUnit(id);
}

void CollectiveOverviewView::up()
{
    const std::optional<OrgUnit> unit = m_session.orgUnit(m_model->orgUnitId());
    if (!unit || unit->id == m_session.user().orgUnitId)
        return;
    showUnit(unit->parentId);
}

bool CollectiveOverviewView::exportTo(const QString &path, QString *error) const
{
    io::XlsxWriter writer(path);
    QStringList header;
    for (int c = 0; c < m_model->columnCount(); ++c)
        header.append(m_model->headerData(c, Qt::Horizontal).toString());
    bool ok = writer.beginSheet(tr("Overview %1").arg(m_model->year()), header);
    for (int r = 0; ok && r < m_model->rowCount(); ++r) {
        QVariantList cells;
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const QVariant value = m_model->index(r, c).data(CollectiveOverviewModel::ValueRole);
            // Amounts as numbers of yuan Excel can add up.
            cells.append(CollectiveOverviewModel::isAmount(c) ? QVariant(double(value.toLongLong()) / 100.0)
                                                              : value);
        }
        ok = writer.writeValues(cells);
    }
    if (!ok || !writer.finish()) {
        if (error)
            *error = writer.errorString();
        return false;
    }
    return true;
}

void CollectiveOverviewView::exportTable()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem =
        tr("Collective overview %1 %2").arg(m_where->text(), QString::number(m_model->year()));
    const QString path = FileDialog::getSaveFileName(
        this, tr("Export to Excel"), QDir(dir).filePath(stem + u".xlsx"_s), tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        MessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    MessageBox::information(this, tr("Exported"),
                            tr("The overview was written to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
