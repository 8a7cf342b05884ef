#include "app/collective/RentCalendarView.h"

#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/shell/DialogHook.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/sync/SyncEngine.h"
#include "common/collective/CollectiveTypes.h"
#include "common/io/XlsxWriter.h"

#include <QBrush>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using collectivequery::RentRow;
using collectivequery::RentState;

QColor RentCalendarModel::arrearsColor()
{
    return QColor(0xb3, 0x26, 0x1e);
}

QString RentCalendarModel::stateName(RentState state)
{
    switch (state) {
    case RentState::Due:
        return tr("due");
    case RentState::Paid:
        return tr("paid");
    case RentState::Arrears:
        return tr("in arrears");
    }
    return {};
}

RentCalendarModel::RentCalendarModel(ClientSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    reload();
}

void RentCalendarModel::setVillage(const QString &villageId)
{
    m_village = villageId;
    reload();
}

void RentCalendarModel::setState(std::optional<RentState> state)
{
    m_state = state;
    reload();
}

void RentCalendarModel::reload()
{
    beginResetModel();
    m_rows.clear();
    const QList<RentRow> rows =
        collectivequery::rentCalendar(m_session.cache(), m_session.clock().todayInChina(), m_village);
    for (const RentRow &r : rows) {
        if (!m_state || r.state == *m_state)
            m_rows.append(r);
    }
    endResetModel();
}

int RentCalendarModel::rowOf(const QString &instalmentId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).instalmentId == instalmentId)
            return int(i);
    }
    return -1;
}

int RentCalendarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RentCalendarModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant RentCalendarModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const RentRow &r = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::ForegroundRole:
        return r.state == RentState::Arrears ? QVariant(QBrush(arrearsColor())) : QVariant();
    case Qt::TextAlignmentRole:
        if (column == NumberColumn || column == AmountDueColumn || column == ReceivedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::UserRole:
        return r.instalmentId;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case VillageColumn:
        return m_session.orgUnitName(r.orgUnitId);
    case ContractColumn:
        return r.contractNo;
    case CounterpartyColumn:
        return r.counterparty;
    case NumberColumn:
        return r.number;
    case DueOnColumn:
        return r.dueOn.toString(Qt::ISODate);
    case AmountDueColumn:
        return money::formatYuan(r.amountDue);
    case ReceivedColumn:
        return r.received > 0 ? money::formatYuan(r.received) : QString();
    case ReceivedOnColumn:
        return r.receivedOn.isValid() ? r.receivedOn.toString(Qt::ISODate) : QString();
    case StateColumn:
        return stateName(r.state);
    default:
        return {};
    }
}

QVariant RentCalendarModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VillageColumn:
        return tr("Village");
    case ContractColumn:
        return tr("Contract");
    case CounterpartyColumn:
        return tr("Counterparty");
    case NumberColumn:
        return tr("Instalment");
    case DueOnColumn:
        return tr("Due on");
    case AmountDueColumn:
        return tr("Due (yuan)");
    case ReceivedColumn:
        return tr("Received (yuan)");
    case ReceivedOnColumn:
        return tr("Received on");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

RentCalendarView::RentCalendarView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_village = new QComboBox(this);
    m_village->setObjectName(u"rentVillage"_s);
    m_village->setMinimumContentsLength(14);
    fillVillages();
    m_state = new QComboBox(this);
    m_state->setObjectName(u"rentState"_s);
    m_state->addItem(tr("All instalments"), -1);
    m_state->addItem(tr("In arrears"), int(RentState::Arrears));
    m_state->addItem(tr("Not yet due"), int(RentState::Due));
    m_state->addItem(tr("Paid"), int(RentState::Paid));
    m_model = new RentCalendarModel(session, this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"rentCalendar"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *head = new QHBoxLayout;
    head->addWidget(m_village);
    head->addWidget(m_state);
    head->addStretch(1);
    if (entersData(session)) {
        auto *pay = new QPushButton(tr("Record &payment…"), this);
        pay->setObjectName(u"recordRentPayment"_s);
        head->addWidget(pay);
        connect(pay, &QPushButton::clicked, this, &RentCalendarView::recordPayment);
    }
    auto *exportButton = new QPushButton(tr("E&xport…"), this);
    exportButton->setObjectName(u"exportRentCalendar"_s);
    head->addWidget(exportButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(head);
    layout->addWidget(m_table);

    connect(m_village, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setVillage(m_village->currentData().toString()); });
    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        const int state = m_state->currentData().toInt();
        m_model->setState(state < 0 ? std::nullopt : std::optional<RentState>(RentState(state)));
    });
    connect(exportButton, &QPushButton::clicked, this, &RentCalendarView::exportTable);
    connect(&session.engine(), &SyncEngine::cacheChanged, m_model, &RentCalendarModel::reload);
    connect(&session, &ClientSession::orgUnitsChanged, this, &RentCalendarView::fillVillages);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (entersData(m_session))
            recordPayment();
    });
}

void RentCalendarView::fillVillages()
{
    const QString chosen = m_village->currentData().toString();
    m_village->blockSignals(true);
    m_village->clear();
    m_village->addItem(tr("All villages"), QString());
    const QList<OrgUnit> villages = m_session.orgUnitsAt(OrgLevel::Village);
    for (const OrgUnit &v : villages)
        m_village->addItem(v.name, v.id);
    m_village->setCurrentIndex(qMax(0, m_village->findData(chosen)));
    m_village->blockSignals(false);
}

void RentCalendarView::recordPayment()
{
    const QModelIndex current = m_table->currentIndex();
    const QString id =
        current.isValid() ? current.siblingAtColumn(0).data(Qt::UserRole).toString() : QString();
    const std::optional<CachedRecord> rec = id.isEmpty() ? std::nullopt : m_session.cache().record(id);
    if (!rec) {
        MessageBox::information(this, tr("Record a payment"), tr("Choose an instalment in the list first."));
        return;
    }
    const std::optional<OrgUnit> unit = m_session.orgUnit(rec->record.orgUnitId);
    sync::Placement placement;
    placement.orgUnitId = rec->record.orgUnitId;
    placement.orgPath = unit ? unit->path : QString();
    placement.orgLevel = unit ? unit->level : OrgLevel::Village;
    placement.departmentId = rec->record.departmentId;
    RecordDialog dialog(m_session, sync::RecordTypes::get<collective::InstalmentType>(), placement, id, this);
    // The schedule is the contract's: only what was received, and when, is entered here.
    for (const QString &name : {u"contractId"_s, u"number"_s, u"dueOn"_s, u"amountDue"_s})
        dialog.form()->setFixedValue(name, rec->record.fields.value(name));
    if (DialogHook<RecordDialog>::run(dialog) == QDialog::Accepted)
        m_model->reload();
}

void RentCalendarView::exportTable()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        FileDialog::getSaveFileName(this, tr("Export the rent calendar"),
                                    QDir(dir).filePath(tr("Rent calendar.xlsx")), tr("Excel (*.xlsx)"));
    if (path.isEmpty())
        return;
    io::XlsxSheet sheet;
    sheet.name = tr("Rent calendar");
    for (int c = 0; c < m_model->columnCount(); ++c)
        sheet.header.append(m_model->headerData(c, Qt::Horizontal).toString());
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            cells.append(m_model->index(r, c).data().toString());
        sheet.rows.append(cells);
    }
    QString error;
    if (!io::writeXlsx(path, {sheet}, &error))
        MessageBox::warning(this, tr("Export the rent calendar"), error);
    else
        MessageBox::information(this, tr("Export the rent calendar"),
                                tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace sunshine::app
