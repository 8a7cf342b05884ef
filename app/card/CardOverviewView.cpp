#include "app/card/CardOverviewView.h"

#include "app/sync/ClientSession.h"
#include "app/sync/SyncEngine.h"
#include "common/core/ChinaTime.h"

#include <QBrush>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

void add(cardquery::VillageFigures &to, const cardquery::VillageFigures &from)
{
    to.spent += from.spent;
    to.lines += from.lines;
    to.unclaimed += from.unclaimed;
    to.openWarnings += from.openWarnings;
}

} // namespace

CardOverviewModel::CardOverviewModel(ClientSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{}

void CardOverviewModel::show(const QString &orgUnitId, int year)
{
    m_unit = orgUnitId;
    m_year = year;
    reload();
}

void CardOverviewModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_total = {};
    const std::optional<OrgUnit> unit = m_session.orgUnit(m_unit);
    if (unit) {
        m_total.orgUnitId = unit->id;
        m_total.name = tr("%1 in total").arg(unit->name);
        // Each village's figures go to the child of the unit that holds it (or to the unit's own row).
        QHash<QString, Row> byChild;
        const QList<OrgUnit> units = m_session.orgUnits();
        QHash<QString, const OrgUnit *> byId;
        for (const OrgUnit &u : units)
            byId.insert(u.id, &u);
        const auto figures = cardquery::villageFigures(m_session.cache(), m_year);
        for (auto it = figures.constBegin(); it != figures.constEnd(); ++it) {
            const OrgUnit *village = byId.value(it.key());
            if (!village || !village->path.startsWith(unit->path))
                continue;
            const QStringList below = village->path.mid(unit->path.size()).split(u'/', Qt::SkipEmptyParts);
            const QString child = below.isEmpty() ? unit->id : below.first();
            Row &row = byChild[child];
            row.orgUnitId = child;
            row.name = byId.contains(child) ? byId.value(child)->name : child;
            add(row.figures, it.value());
            add(m_total.figures, it.value());
        }
        m_rows = byChild.values();
        std::sort(m_rows.begin(), m_rows.end(),
                  [](const Row &a, const Row &b) { return a.orgUnitId < b.orgUnitId; });
    }
    endResetModel();
}

int CardOverviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int CardOverviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 6;
}

QVariant CardOverviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > m_rows.size())
        return {};
    const bool isTotal = index.row() == m_rows.size();
    const Row &r = isTotal ? m_total : m_rows.at(index.row());
    const cardquery::VillageFigures &f = r.figures;
    if (role == Qt::TextAlignmentRole && index.column() >= 1)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && isTotal) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && index.column() == 5 && f.openWarnings > 0)
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case 0:
        return r.name;
    case 1:
        return money::formatYuan(f.spent);
    case 2:
        return f.lines;
    case 3:
        return f.unclaimed;
    case 4:
        return f.lines > 0 ? u"%1%"_s.arg(100.0 * f.unclaimed / f.lines, 0, 'f', 1) : u"–"_s;
    case 5:
        return f.openWarnings;
    }
    return {};
}

QVariant CardOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case 0:
        return tr("Unit");
    case 1:
        return tr("Spent (yuan)");
    case 2:
        return tr("Payments");
    case 3:
        return tr("Not claimed");
    case 4:
        return tr("Share not claimed");
    case 5:
        return tr("Open warnings");
    }
    return {};
}

CardOverviewView::CardOverviewView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_year = new QComboBox(this);
    m_year->setObjectName(u"overviewYear"_s);
    const int thisYear = chinaDateOf(session.clock().nowMs()).year();
    for (int y = thisYear; y >= thisYear - 4; --y)
        m_year->addItem(QString::number(y), y);
    m_where = new QLabel(this);
    m_up = new QPushButton(tr("&Up a level"), this);
    m_up->setObjectName(u"overviewUp"_s);
    m_model = new CardOverviewModel(session, this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"cardOverview"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(140);
    m_table->setColumnWidth(0, 220);
    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(tr("Year:"), this));
    head->addWidget(m_year);
    head->addSpacing(12);
    head->addWidget(m_where, 1);
    head->addWidget(m_up);
    auto *hint =
        new QLabel(tr("Spending less refunds; a line is not claimed until a claim covers it (refunded "
                      "purchases aside). Double-click a unit to see the units below it."),
                   this);
    hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(head);
    layout->addWidget(m_table, 1);
    layout->addWidget(hint);
    connect(m_year, &QComboBox::currentIndexChanged, this, [this] { showUnit(m_model->orgUnitId()); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) { openRow(i.row()); });
    connect(m_up, &QPushButton::clicked, this, &CardOverviewView::up);
    connect(&session.engine(), &SyncEngine::cacheChanged, m_model, &CardOverviewModel::reload);
    showUnit(session.user().orgUnitId);
}

void CardOverviewView::showUnit(const QString &orgUnitId)
{
    m_model->show(orgUnitId, m_year->currentData().toInt());
    const std::optional<OrgUnit> unit = m_session.orgUnit(orgUnitId);
    m_where->setText(unit ? unit->name : QString());
    m_up->setEnabled(orgUnitId != m_session.user().orgUnitId);
}

void CardOverviewView::openRow(int row)
{
    if (row < 0 || row >= m_model->rowCount() - 1)
        return;
    const QString id = m_model->rowAt(row).orgUnitId;
    const std::optional<OrgUnit> unit = m_session.orgUnit(id);
    if (!unit || unit->level == OrgLevel::Village || id == m_model->orgUnitId())
        return;
    showUnit(id);
}

void CardOverviewView::up()
{
    const std::optional<OrgUnit> unit = m_session.orgUnit(m_model->orgUnitId());
    if (!unit || unit->id == m_session.user().orgUnitId)
        return;
    showUnit(unit->parentId);
}

} // namespace sunshine::app
