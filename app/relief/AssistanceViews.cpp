#include "app/relief/AssistanceViews.h"

#include "app/records/RecordDialog.h"
#include "app/records/RecordForm.h"
#include "app/records/RecordListView.h"
#include "app/relief/ReliefQueries.h"
#include "app/sync/ClientSession.h"
#include "common/relief/AssistanceTypes.h"
#include "common/relief/ReliefRules.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

const sync::RecordType &typeNamed(const char16_t *name)
{
    return *sync::RecordTypes::find(QString::fromUtf16(name));
}

} // namespace

RecordListView *makeWeakVillagesView(ClientSession &session, QWidget *parent)
{
    RecordListView::Options w;
    w.columns = {{u"@orgUnit"_s, PairingsView::tr("Village")},
                 {u"designation"_s, {}},
                 {u"year"_s, {}},
                 {u"collectiveIncomeFen"_s, {}},
                 {u"pairedDepartmentId"_s, {}},
                 {u"@state"_s, PairingsView::tr("Sync")}};
    w.exportName = PairingsView::tr("Weak villages");
    auto *villages = new RecordListView(session, typeNamed(relief::WeakVillageType::kName), w, parent);
    villages->model().setReferenceResolver(
        u"pairedDepartmentId"_s, [&session](const QString &id) { return session.departmentName(id); });
    villages->setDialogHook([](RecordDialog &dialog, const sync::Placement &place) {
        const QString id = relief::WeakVillageType::recordIdFor(place.orgUnitId);
        dialog.setRecordIdRule([id](const QJsonObject &) { return id; });
    });
    return villages;
}

void fillQuarters(QComboBox *combo, QDate today, bool withAll)
{
    combo->clear();
    if (withAll)
        combo->addItem(QObject::tr("All quarters"), QString());
    const relief::Quarter check = relief::quarterUnderCheck(today);
    relief::Quarter q = relief::Quarter::of(today);
    for (int i = 0; i < 8; ++i, q = q.previous())
        combo->addItem(q.chineseName(), q.toString());
    combo->setCurrentIndex(combo->findData(check.toString()));
}

// --- PairingsView ---

PairingsView::PairingsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options h;
    h.columns = {{u"name"_s, {}},          {u"kind"_s, {}},   {u"unit"_s, {}},
                 {u"post"_s, {}},          {u"mobile"_s, {}}, {u"@orgUnit"_s, tr("Town")},
                 {u"@state"_s, tr("Sync")}};
    h.searchFields = {u"name"_s, u"unit"_s};
    h.placeLevel = OrgLevel::Town;
    h.exportName = tr("Helpers");
    m_helpers = new RecordListView(session, typeNamed(relief::HelperType::kName), h, this);

    RecordListView::Options p;
    p.columns = {{u"helperId"_s, {}},  {u"householdId"_s, {}}, {u"@orgUnit"_s, tr("Village")},
                 {u"startDate"_s, {}}, {u"endDate"_s, {}},     {u"@state"_s, tr("Sync")}};
    p.exportName = tr("Pairings");
    m_pairings = new RecordListView(session, typeNamed(relief::PairingType::kName), p, this);
    auto names = [&session](const QString &field) {
        return [&session, field](const QString &id) {
            const std::optional<CachedRecord> r = session.cache().record(id);
            return r ? r->record.fields.value(field).toString() : id;
        };
    };
    m_pairings->model().setReferenceResolver(u"helperId"_s, names(u"name"_s));
    m_pairings->model().setReferenceResolver(u"householdId"_s, names(u"headName"_s));
    m_pairings->setDialogHook([this](RecordDialog &dialog, const sync::Placement &place) {
        const std::optional<OrgUnit> village = m_session.orgUnit(place.orgUnitId);
        dialog.form()->setReferenceChoices(u"householdId"_s,
                                           reliefquery::householdChoices(m_session.cache(), place.orgUnitId));
        dialog.form()->setReferenceChoices(
            u"helperId"_s,
            reliefquery::helperChoices(m_session.cache(), village ? village->parentId : QString()));
        dialog.setRecordIdRule([](const QJsonObject &f) {
            return relief::PairingType::recordIdFor(f.value(u"helperId"_s).toString(),
                                                    f.value(u"householdId"_s).toString());
        });
    });

    m_coverage = new QLabel(this);
    m_coverage->setStyleSheet(u"font-weight: bold;"_s);
    auto *gapsButton = new QPushButton(tr("Households without a helper…"), this);
    connect(gapsButton, &QPushButton::clicked, this, [this] {
        const QList<QStringList> rows = gaps(1000);
        auto *table = new QTableWidget(int(rows.size()), 3);
        table->setAttribute(Qt::WA_DeleteOnClose);
        table->setWindowTitle(tr("Households without a helper"));
        table->setHorizontalHeaderLabels({tr("Household head"), tr("Household no."), tr("Village")});
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < 3; ++c)
                table->setItem(r, c, new QTableWidgetItem(rows.at(r).value(c + 1)));
        table->horizontalHeader()->setStretchLastSection(true);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->resize(560, 420);
        table->show();
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_coverage);
    top->addStretch();
    top->addWidget(gapsButton);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_pairings);
    split->addWidget(m_helpers);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split);
    connect(m_pairings, &RecordListView::saved, this, &PairingsView::refreshCoverage);
    connect(&session.engine(), &SyncEngine::finished, this, &PairingsView::refreshCoverage);
    // Not counted here: with a million households in the cache that alone would hold up the program's start
    // by seconds. Counted when the clerk opens this view.
}

void PairingsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_coverageStale)
        updateCoverage();
}

QList<QStringList> PairingsView::gaps(int limit) const
{
    QList<QStringList> out = reliefquery::unpairedHouseholds(m_session.cache(), limit);
    for (QStringList &row : out)
        row[3] = m_session.orgUnitName(row.at(3));
    return out;
}

void PairingsView::refreshCoverage()
{
    if (isVisible())
        updateCoverage();
    else
        m_coverageStale = true;
}

void PairingsView::updateCoverage() const
{
    m_coverageStale = false;
    const reliefquery::Coverage coverage = reliefquery::pairingCoverage(m_session.cache());
    const qint64 total = coverage.registered, paired = coverage.paired;
    const double share = total > 0 ? 100.0 * double(paired) / double(total) : 100.0;
    m_coverage->setText(tr("Pairing coverage: %1 of %2 registered households have a helper (%3%), %4 without")
                            .arg(paired)
                            .arg(total)
                            .arg(share, 0, 'f', 1)
                            .arg(total - paired));
    m_coverage->setStyleSheet(total == paired ? u"font-weight: bold; color: #1b5e20;"_s
                                              : u"font-weight: bold; color: #b3261e;"_s);
}

QString PairingsView::coverageText() const
{
    if (m_coverageStale)
        updateCoverage();
    return m_coverage->text();
}

// --- VisitsView ---

VisitsView::VisitsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    RecordListView::Options v;
    v.columns = {{u"quarter"_s, {}},
                 {u"visitDate"_s, {}},
                 {u"pairingId"_s, tr("Helper → household")},
                 {u"@orgUnit"_s, tr("Village")},
                 {u"notes"_s, {}},
                 {u"@lateSynced"_s, tr("Late-synced")},
                 {u"@state"_s, tr("Sync")}};
    v.searchFields = {u"notes"_s};
    v.exportName = tr("Visits");
    m_visits = new RecordListView(session, typeNamed(relief::VisitType::kName), v, this);
    m_visits->model().setReferenceResolver(u"pairingId"_s, [&session](const QString &id) -> QString {
        const std::optional<CachedRecord> p = session.cache().record(id);
        if (!p)
            return id;
        const std::optional<CachedRecord> h =
            session.cache().record(p->record.fields.value(u"helperId"_s).toString());
        const std::optional<CachedRecord> hh =
            session.cache().record(p->record.fields.value(u"householdId"_s).toString());
        return (h ? h->record.fields.value(u"name"_s).toString() : QString()) + u" → "_s +
               (hh ? hh->record.fields.value(u"headName"_s).toString() : QString());
    });
    m_visits->setDialogHook([this](RecordDialog &dialog, const sync::Placement &place) {
        // Name each pairing as the table does: helper → household.
        const RecordForm::Choices pairings = reliefquery::pairingChoices(m_session.cache(), place.orgUnitId);
        dialog.form()->setReferenceChoices(u"pairingId"_s, pairings);
        const QString quarter = m_quarter->currentData().toString();
        if (dialog.isNewRecord() && !quarter.isEmpty())
            dialog.form()->setValues({{u"quarter"_s, quarter}});
        dialog.setRecordIdRule([](const QJsonObject &f) {
            return relief::VisitType::recordIdFor(f.value(u"pairingId"_s).toString(),
                                                  f.value(u"quarter"_s).toString());
        });
    });
    m_quarter = new QComboBox(this);
    fillQuarters(m_quarter, chinaDateOf(session.clock().nowMs()), true);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Quarter:"), this));
    top->addWidget(m_quarter);
    const relief::VisitWindow w =
        relief::visitWindow(relief::Quarter::of(chinaDateOf(session.clock().nowMs())));
    top->addWidget(new QLabel(tr("This quarter's visits: %1 to %2; entry closes on %3.")
                                  .arg(w.opens.toString(Qt::ISODate), w.closes.toString(Qt::ISODate),
                                       w.entryClosesOn.toString(Qt::ISODate)),
                              this));
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_visits);
    connect(m_quarter, &QComboBox::currentIndexChanged, this,
            [this] { m_visits->model().setEquals(u"quarter"_s, m_quarter->currentData().toString()); });
    m_visits->model().setEquals(u"quarter"_s, m_quarter->currentData().toString());
}

// --- VisitStatsView ---

VisitStatsView::VisitStatsView(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_quarter = new QComboBox(this);
    fillQuarters(m_quarter, chinaDateOf(session.clock().nowMs()), false);
    m_summary = new QLabel(this);
    m_summary->setStyleSheet(u"font-weight: bold;"_s);
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Quarter:"), this));
    top->addWidget(m_quarter);
    top->addWidget(m_summary);
    top->addStretch();
    top->addWidget(refreshButton);
    m_table = new QTableWidget(this);
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Town"), tr("Pairings"), tr("Visited"), tr("Not visited"), tr("Rate")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSortingEnabled(false);
    auto *hint = new QLabel(tr("Double-click a town to list the pairings without a visit."), this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table);
    layout->addWidget(hint);
    connect(m_quarter, &QComboBox::currentIndexChanged, this, &VisitStatsView::refresh);
    connect(refreshButton, &QPushButton::clicked, this, &VisitStatsView::refresh);
    connect(&session.engine(), &SyncEngine::finished, this, &VisitStatsView::refresh);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { showMissing(row); });
    refresh();
}

void VisitStatsView::refresh()
{
    const std::optional<relief::Quarter> quarter =
        relief::Quarter::parse(m_quarter->currentData().toString());
    if (!quarter)
        return;
    QList<relief::PairingRef> pairings = reliefquery::pairings(m_session.cache());
    QHash<QString, QString> text;
    for (relief::PairingRef &p : pairings) {
        const QString villageId = p.townId; // the pairing's village, as the query gives it
        const std::optional<OrgUnit> village = m_session.orgUnit(villageId);
        p.townId = village ? village->parentId : villageId;
        text.insert(p.pairingId,
                    u"%1 → %2（%3）"_s.arg(p.helperName, p.householdName, m_session.orgUnitName(villageId)));
    }
    const QList<relief::VisitRef> visits = reliefquery::visits(m_session.cache(), *quarter);

    const QList<relief::TownVisitStats> stats = relief::visitStats(pairings, visits, *quarter);
    m_table->setRowCount(int(stats.size()));
    m_missing.clear();
    int allPairings = 0, allVisited = 0;
    for (int r = 0; r < stats.size(); ++r) {
        const relief::TownVisitStats &s = stats.at(r);
        allPairings += s.pairings;
        allVisited += s.visited;
        const double rate = s.pairings ? 100.0 * s.visited / s.pairings : 100.0;
        const QStringList cells{m_session.orgUnitName(s.townId), QString::number(s.pairings),
                                QString::number(s.visited), QString::number(s.notVisited.size()),
                                u"%1%"_s.arg(rate, 0, 'f', 1)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 3 && !s.notVisited.isEmpty())
                item->setForeground(QColor(0xb3, 0x26, 0x1e));
            m_table->setItem(r, c, item);
        }
        QStringList missing;
        for (const QString &id : s.notVisited)
            missing.append(text.value(id, id));
        m_missing.append(missing);
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(
        tr("%1: %2 of %3 pairings visited").arg(quarter->chineseName()).arg(allVisited).arg(allPairings));
}

void VisitStatsView::showMissing(int row)
{
    if (row < 0 || row >= m_missing.size())
        return;
    const QStringList missing = m_missing.at(row);
    QMessageBox box(QMessageBox::Information, tr("Not visited"),
                    tr("%n pairing(s) without a visit in %1:", nullptr, int(missing.size()))
                        .arg(m_table->item(row, 0)->text()),
                    QMessageBox::Ok, this);
    box.setDetailedText(missing.join(u'\n'));
    box.exec();
}

} // namespace sunshine::app
