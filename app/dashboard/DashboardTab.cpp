#include "app/dashboard/DashboardTab.h"

#include "app/shell/AppModule.h"
#include "app/shell/HomePanel.h"

#include "app/dashboard/DashboardCharts.h"
#include "app/dashboard/DashboardExport.h"
#include "app/dashboard/FigureModels.h"
#include "app/dashboard/QuarterReport.h"
#include "app/dashboard/RecordsBehindDialog.h"
#include "app/net/ApiClient.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/funds/FundRules.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

bool dashboardFirst(const UserInfo &user)
{
    return user.roles.contains(Role::Leader);
}

bool seesDashboard(const UserInfo &user)
{
    return user.roles.contains(Role::Leader) || user.roles.contains(Role::Supervisor);
}

namespace {

enum Card
{
    CardDisbursed,
    CardHouseholds,
    CardExits,
    CardPairing,
    CardVisits,
    CardHelp,
    CardOverdue,
    CardLate,
    CardWarnings,
    CardEscalated,
    CardRectifications,
    CardLateRectifications,
    CardCount
};

QString chinaTime(qint64 ms)
{
    return chinaDateTimeOf(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

QString percentText(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return u"—"_s;
    const qint64 pm = (part * 1000 + whole / 2) / whole;
    return u"%1.%2%"_s.arg(pm / 10).arg(pm % 10);
}

QTableView *newTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(24);
    // The columns share the width evenly (a stretched last column left the figures far from their names).
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    return view;
}

} // namespace

DashboardTab::DashboardTab(ClientSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_data(std::make_unique<DashboardData>(session))
{
    m_filter = m_data->normalized({});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    buildFilters();

    // The board: what is exported as "the dashboard".
    m_board = new QWidget;
    m_board->setObjectName(u"dashboardBoard"_s);
    m_board->setAutoFillBackground(true);
    auto *grid = new QGridLayout(m_board);
    grid->setContentsMargins(8, 6, 8, 8);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(8);

    auto *heading = new QHBoxLayout;
    m_breadcrumbs = new QLabel(m_board);
    m_breadcrumbs->setTextFormat(Qt::RichText);
    m_breadcrumbs->setStyleSheet(u"font-size: 12pt;"_s);
    m_breadcrumbs->setToolTip(tr("Click a place to go back up."));
    connect(m_breadcrumbs, &QLabel::linkActivated, this, &DashboardTab::drillTo);
    m_asOf = new QLabel(m_board);
    m_asOf->setStyleSheet(u"color: #555;"_s);
    heading->addWidget(m_breadcrumbs);
    heading->addStretch();
    heading->addWidget(m_asOf);
    grid->addLayout(heading, 0, 0, 1, 2);

    // The figure cards; each opens its records.
    auto *cards = new QGridLayout;
    cards->setSpacing(8);
    const QStringList captions{
        tr("Disbursed (10k yuan)"), tr("Registered households"), tr("Exits this year"),
        tr("Pairing coverage"),     tr("Visit coverage"),        tr("Help requests overdue"),
        tr("Entries overdue"),      tr("Entered late"),          tr("Open warnings"),
        tr("Escalated warnings"),   tr("Open rectifications"),   tr("Late rectifications")};
    const Figure figures[] = {Figure::Disbursed, Figure::Households,         Figure::Exits,
                              Figure::Unpaired,  Figure::NotVisited,         Figure::HelpOverdue,
                              Figure::Overdue,   Figure::EnteredLate,        Figure::OpenWarnings,
                              Figure::Escalated, Figure::OpenRectifications, Figure::LateRectifications};
    for (int i = 0; i < CardCount; ++i) {
        auto *button = new QPushButton(m_board);
        button->setObjectName(u"card%1"_s.arg(i));
        button->setCursor(Qt::PointingHandCursor);
        button->setMinimumHeight(74);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setStyleSheet(
            u"QPushButton { background: #f4f7fb; border: 1px solid #d5dde8; border-radius: 4px; "
            u"text-align: left; } QPushButton:hover { background: #e8f0fa; }"_s);
        button->setToolTip(tr("Show the records behind this figure"));
        auto *inner = new QVBoxLayout(button);
        inner->setContentsMargins(10, 6, 10, 6);
        inner->setSpacing(0);
        auto *caption = new QLabel(captions.at(i), button);
        caption->setStyleSheet(u"color: #444; background: transparent; border: none;"_s);
        auto *value = new QLabel(button);
        value->setStyleSheet(u"font-size: 17pt; font-weight: bold; color: #1f5fa8; background: transparent; "
                             u"border: none;"_s);
        auto *note = new QLabel(button);
        note->setStyleSheet(u"color: #666; font-size: 8pt; background: transparent; border: none;"_s);
        for (QLabel *l : {caption, value, note}) {
            l->setAttribute(Qt::WA_TransparentForMouseEvents);
            inner->addWidget(l);
        }
        const Figure figure = figures[i];
        connect(button, &QPushButton::clicked, this, [this, figure] { showBehind({figure, {}}); });
        cards->addWidget(button, i / 6, i % 6); // two rows of six
        m_cards.append({button, value});
        m_cardNotes.append(note);
    }
    grid->addLayout(cards, 1, 0, 1, 2);

    m_bars = new UnitBarChart(m_board);
    m_kinds = new KindPieChart(m_board);
    m_months = new MonthLineChart(m_board);
    m_bars->setMinimumHeight(300);
    m_kinds->setMinimumHeight(300);
    grid->addWidget(m_bars, 2, 0);
    grid->addWidget(m_kinds, 2, 1);
    grid->addWidget(m_months, 3, 0);
    addChartActions(m_bars, tr("Money per place"));
    addChartActions(m_kinds, tr("Share per fund kind"));
    addChartActions(m_months, tr("Money per month"));
    connect(m_bars, &UnitBarChart::unitClicked, this, [this](const QString &id, bool own) {
        if (own)
            showBehind({Figure::Disbursed, id, true});
        else
            drillTo(id);
    });
    connect(m_months, &MonthLineChart::monthClicked, this, [this](int year, int month) {
        FigureRef ref{Figure::Disbursed, {}};
        ref.year = year;
        ref.month = month;
        showBehind(ref);
    });
    connect(m_kinds, &KindPieChart::kindClicked, this, [this](const QString &kind) {
        FigureRef ref{Figure::Disbursed, {}};
        ref.kind = kind;
        showBehind(ref);
    });

    // Overdue and late per department.
    auto *deptBox = new QWidget(m_board);
    auto *deptLayout = new QVBoxLayout(deptBox);
    deptLayout->setContentsMargins(0, 0, 0, 0);
    auto *deptTitle = new QLabel(tr("Fund entries overdue and entered late, per department"), deptBox);
    deptTitle->setStyleSheet(u"font-weight: bold;"_s);
    m_departmentModel = new DepartmentFiguresModel(this);
    m_departmentTable = newTable(m_departmentModel, deptBox);
    m_departmentTable->setToolTip(tr("Double-click a number to list its records."));
    deptLayout->addWidget(deptTitle);
    deptLayout->addWidget(m_departmentTable);
    grid->addWidget(deptBox, 3, 1);
    connect(m_departmentTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString dept = index.data(DepartmentFiguresModel::DepartmentIdRole).toString();
        const Figure figure = index.column() == DepartmentFiguresModel::EnteredLate ? Figure::EnteredLate
                              : index.column() == DepartmentFiguresModel::PaidLate  ? Figure::PaidLate
                                                                                    : Figure::Overdue;
        FigureRef ref{figure, {}};
        ref.departmentId = dept;
        showBehind(ref);
    });

    // One row per place below.
    auto *unitTitle =
        new QLabel(tr("Places: click a place to look into it; double-click a number to list its "
                      "records."),
                   m_board);
    unitTitle->setStyleSheet(u"font-weight: bold;"_s);
    grid->addWidget(unitTitle, 4, 0, 1, 2);
    m_unitModel = new UnitFiguresModel(this);
    m_unitTable = newTable(m_unitModel, m_board);
    m_unitTable->setMinimumHeight(220);
    grid->addWidget(m_unitTable, 5, 0, 1, 2);
    connect(m_unitTable, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() != UnitFiguresModel::Place || index.row() == m_unitModel->rowCount() - 1 ||
            index.data(UnitFiguresModel::OwnRole).toBool())
            return;
        drillTo(index.data(UnitFiguresModel::OrgUnitIdRole).toString());
    });
    connect(m_unitTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const std::optional<Figure> figure = UnitFiguresModel::figureOf(index.column());
        if (!figure)
            return;
        FigureRef ref{*figure, index.data(UnitFiguresModel::OrgUnitIdRole).toString()};
        ref.ownOnly = index.data(UnitFiguresModel::OwnRole).toBool();
        showBehind(ref);
    });
    // The modules' panels, each under its title, for the same place and period.
    int row = 6;
    for (const ModuleHomePanel &p : AppModules::installed().homePanels()) {
        if (p.visible && !p.visible(m_session.user()))
            continue;
        auto *title = new QLabel(p.title(), m_board);
        title->setStyleSheet(u"font-weight: bold;"_s);
        HomePanel *panel = p.build(m_session, m_board);
        grid->addWidget(title, row++, 0, 1, 2);
        grid->addWidget(panel, row++, 0, 1, 2);
        connect(panel, &HomePanel::drillRequested, this, &DashboardTab::drillTo);
        m_panels.append(panel);
    }
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_board);
    layout->addWidget(scroll);

    m_changed = new QTimer(this);
    m_changed->setSingleShot(true);
    m_changed->setInterval(500);
    connect(m_changed, &QTimer::timeout, this, &DashboardTab::refresh);
    connect(&session.engine(), &SyncEngine::finished, m_changed, qOverload<>(&QTimer::start));
    connect(&session, &ClientSession::orgUnitsChanged, m_changed, qOverload<>(&QTimer::start));
    connect(&session, &ClientSession::departmentsChanged, this, [this] {
        fillDepartments();
        m_changed->start();
    });
    refresh();
}

DashboardTab::~DashboardTab() = default;

void DashboardTab::buildFilters()
{
    auto *bar = new QHBoxLayout;
    const int thisYear = m_data->today().year();
    m_year = new QComboBox(this);
    for (int y = thisYear; y > thisYear - 5; --y)
        m_year->addItem(QString::number(y), y);
    m_quarter = new QComboBox(this);
    m_quarter->addItem(tr("Whole year"), 0);
    for (int q = 1; q <= 4; ++q)
        m_quarter->addItem(tr("Quarter %1").arg(q), q);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("All fund kinds"), QString());
    for (funds::FundKind k : {funds::FundKind::ReliefFiscal, funds::FundKind::ReliefDonation,
                              funds::FundKind::ReliefOther, funds::FundKind::Agricultural})
        m_kind->addItem(funds::fundKindChineseName(k), funds::fundKindName(k));
    m_department = new QComboBox(this);
    m_department->setMinimumContentsLength(16);
    m_department->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    fillDepartments();
    bar->addWidget(new QLabel(tr("Year:"), this));
    bar->addWidget(m_year);
    bar->addWidget(new QLabel(tr("Quarter:"), this));
    bar->addWidget(m_quarter);
    bar->addWidget(new QLabel(tr("Fund kind:"), this));
    bar->addWidget(m_kind);
    bar->addWidget(new QLabel(tr("Department:"), this));
    bar->addWidget(m_department);
    bar->addStretch();
    auto *refreshButton = new QPushButton(tr("&Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &DashboardTab::refresh);
    bar->addWidget(refreshButton);
    auto *exportButton = new QPushButton(tr("E&xport"), this);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Dashboard as &PNG…"), this, [this] { saveAs(m_board, tr("Dashboard"), false); });
    menu->addAction(tr("Dashboard as P&DF…"), this, [this] { saveAs(m_board, tr("Dashboard"), true); });
    menu->addAction(tr("&Print dashboard…"), this, [this] { printWidget(m_board, tr("Dashboard")); });
    menu->addSeparator();
    QAction *report =
        menu->addAction(tr("&Quarterly report of a county (PDF)…"), this, &DashboardTab::quarterReport);
    report->setEnabled(!m_session.orgUnitsAt(OrgLevel::County).isEmpty());
    connect(&m_session, &ClientSession::orgUnitsChanged, report,
            [this, report] { report->setEnabled(!m_session.orgUnitsAt(OrgLevel::County).isEmpty()); });
    exportButton->setMenu(menu);
    bar->addWidget(exportButton);
    static_cast<QVBoxLayout *>(layout())->addLayout(bar);

    for (QComboBox *combo : {m_year, m_quarter, m_kind, m_department})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            readFilters();
            refresh();
        });
}

void DashboardTab::fillDepartments()
{
    const QString chosen = m_department->currentData().toString();
    m_department->blockSignals(true);
    m_department->clear();
    m_department->addItem(tr("All departments"), QString());
    const QList<Department> departments = m_session.departments();
    for (const Department &d : departments)
        m_department->addItem(d.name, d.id);
    m_department->setCurrentIndex(qMax(0, m_department->findData(chosen)));
    m_department->blockSignals(false);
}

void DashboardTab::readFilters()
{
    m_filter.year = m_year->currentData().toInt();
    m_filter.quarter = m_quarter->currentData().toInt();
    m_filter.kind = m_kind->currentData().toString();
    m_filter.departmentId = m_department->currentData().toString();
}

void DashboardTab::setFilter(const DashboardFilter &filter)
{
    m_filter = m_data->normalized(filter);
    for (QComboBox *combo : {m_year, m_quarter, m_kind, m_department})
        combo->blockSignals(true);
    if (m_year->findData(m_filter.year) < 0)
        m_year->addItem(QString::number(m_filter.year), m_filter.year);
    m_year->setCurrentIndex(m_year->findData(m_filter.year));
    m_quarter->setCurrentIndex(qMax(0, m_quarter->findData(m_filter.quarter)));
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(m_filter.kind)));
    if (m_department->findData(m_filter.departmentId) < 0)
        m_department->addItem(m_session.departmentName(m_filter.departmentId), m_filter.departmentId);
    m_department->setCurrentIndex(qMax(0, m_department->findData(m_filter.departmentId)));
    for (QComboBox *combo : {m_year, m_quarter, m_kind, m_department})
        combo->blockSignals(false);
    refresh();
}

void DashboardTab::drillTo(const QString &orgUnitId)
{
    if (!m_session.orgUnit(orgUnitId))
        return;
    m_filter.orgUnitId = orgUnitId;
    refresh();
}

void DashboardTab::refresh()
{
    m_filter = m_data->normalized(m_filter);
    showFigures(m_data->compute(m_filter));
    askServer();
}

void DashboardTab::askServer()
{
    if (!m_askServer || !m_serverHasRoute || !m_figures.valid)
        return;
    const int generation = ++m_generation;
    QUrlQuery query;
    query.setQueryItems(DashboardData::serverQuery(m_filter));
    m_session.api().get(u"/api/v1/dashboard/funds"_s, query, this, [this, generation](const ApiResult &r) {
        if (generation != m_generation)
            return; // the filter changed meanwhile
        if (r.kind == ApiResult::Kind::HttpError && (r.httpStatus == 404 || r.httpStatus == 405)) {
            m_serverHasRoute = false; // an older server: the local figures stay
            return;
        }
        if (!r.ok())
            return; // offline: the local figures stay, with the time of the last sync
        DashboardFigures merged = m_figures;
        if (m_data->mergeServerFunds(r.json, &merged))
            showFigures(merged);
    });
}

QString DashboardTab::periodText() const
{
    if (m_figures.filter.quarter)
        return relief::Quarter{m_figures.filter.year, m_figures.filter.quarter}.chineseName();
    return tr("%1 (whole year)").arg(m_figures.filter.year);
}

void DashboardTab::showFigures(const DashboardFigures &figures)
{
    m_figures = figures;
    // Breadcrumbs: the way down from the user's own unit; each step but the last goes back up.
    QStringList crumbs;
    for (qsizetype i = 0; i < figures.trail.size(); ++i) {
        const OrgUnit &u = figures.trail.at(i);
        crumbs.append(i + 1 == figures.trail.size()
                          ? u"<b>%1</b>"_s.arg(u.name.toHtmlEscaped())
                          : u"<a href=\"%1\">%2</a>"_s.arg(u.id, u.name.toHtmlEscaped()));
    }
    m_breadcrumbs->setText(crumbs.isEmpty()
                               ? tr("The places of your area are not known yet.")
                               : crumbs.join(u" › "_s) + u" · "_s + periodText().toHtmlEscaped());
    m_asOf->setText(asOfText());
    for (HomePanel *panel : std::as_const(m_panels))
        panel->showScope(figures.filter.orgUnitId, figures.filter.year, figures.filter.quarter);

    const UnitFigures &t = figures.total;
    const QString values[CardCount] = {wanYuan(t.disbursedFen),
                                       QString::number(t.households),
                                       QString::number(t.exits),
                                       percentText(t.paired, t.households),
                                       percentText(t.visited, t.pairings),
                                       QString::number(t.helpOverdue),
                                       QString::number(t.overdue),
                                       QString::number(t.enteredLate),
                                       QString::number(t.openWarnings),
                                       QString::number(t.escalated),
                                       QString::number(t.openRectifications),
                                       QString::number(t.lateRectifications)};
    const QString notes[CardCount] = {
        tr("%n payment(s)", nullptr, int(qMin<qint64>(t.disbursements, INT_MAX))),
        tr("in the registry now"),
        tr("left the registry in %1").arg(figures.filter.year),
        tr("%1 without a helper").arg(t.households - t.paired),
        tr("%1 of %2 pairings").arg(t.visited).arg(t.pairings),
        tr("open, past the deadline"),
        tr("vouchers, reports"),
        tr("in the period"),
        tr("not yet closed (销号)"),
        tr("overdue, escalated (督办)"),
        tr("not yet struck off (销号)"),
        tr("past the deadline")};
    for (int i = 0; i < CardCount; ++i) {
        m_cards.at(i).second->setText(values[i]);
        m_cardNotes.at(i)->setText(notes[i]);
        const bool alarm = (i == CardHelp && t.helpOverdue > 0) || (i == CardOverdue && t.overdue > 0) ||
                           (i == CardLate && t.enteredLate > 0) || (i == CardEscalated && t.escalated > 0) ||
                           (i == CardLateRectifications && t.lateRectifications > 0);
        m_cards.at(i).second->setStyleSheet(
            u"font-size: 17pt; font-weight: bold; background: transparent; border: none; color: %1;"_s.arg(
                alarm ? u"#b3261e"_s : u"#1f5fa8"_s));
    }
    m_cards.at(CardExits).first->findChildren<QLabel *>().at(0)->setText(
        tr("Exits %1").arg(figures.filter.year));
    m_cards.at(CardVisits)
        .first->findChildren<QLabel *>()
        .at(0)
        ->setText(tr("Visits %1").arg(figures.visitQuarter.toString()));
    m_cards.at(CardVisits)
        .first->setToolTip(tr("Pairings visited in %1").arg(figures.visitQuarter.chineseName()));

    m_bars->setFigures(figures);
    m_months->setFigures(figures);
    m_kinds->setFigures(figures);
    m_unitModel->setFigures(figures);
    m_departmentModel->setFigures(figures);
    m_unitTable->resizeColumnsToContents();
    m_departmentTable->resizeColumnToContents(0);
    m_departmentTable->setColumnWidth(0, qMin(m_departmentTable->columnWidth(0), 260));
    // The table tall enough for its rows (up to a screenful), so the board has no empty space and exports
    // whole.
    const int rows = m_unitModel->rowCount();
    m_unitTable->setMinimumHeight(qMin(rows, 20) * 24 + m_unitTable->horizontalHeader()->sizeHint().height() +
                                  6);
    Q_EMIT figuresShown();
}

QString DashboardTab::breadcrumbText() const
{
    QStringList names;
    for (const OrgUnit &u : m_figures.trail)
        names.append(u.name);
    return names.join(u" › "_s);
}

QString DashboardTab::asOfText() const
{
    if (m_figures.fromServer)
        return tr("Data as of %1 (from the server)").arg(chinaTime(m_figures.asOfMs));
    if (m_figures.asOfMs <= 0)
        return tr("Not synced yet: the figures show only what was entered on this computer");
    return tr("Data as of %1 (last sync, local copy)").arg(chinaTime(m_figures.asOfMs));
}

bool DashboardTab::exportPng(QWidget *what, const QString &path, QString *error) const
{
    return dashboardexport::savePng(what, path, error);
}

bool DashboardTab::exportPdf(QWidget *what, const QString &path, QString *error) const
{
    const QString title = tr("Sunshine+ dashboard: %1, %2").arg(breadcrumbText(), periodText());
    return dashboardexport::savePdf(what, path, title, asOfText(), error);
}

RecordsBehindDialog *DashboardTab::showBehind(const FigureRef &ref)
{
    auto *dialog = new RecordsBehindDialog(m_session, m_data->behind(m_filter, ref), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void DashboardTab::addChartActions(QChartView *chart, const QString &name)
{
    chart->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *png = new QAction(tr("Save chart as PNG…"), chart);
    auto *pdf = new QAction(tr("Save chart as PDF…"), chart);
    auto *print = new QAction(tr("Print chart…"), chart);
    connect(png, &QAction::triggered, this, [this, chart, name] { saveAs(chart, name, false); });
    connect(pdf, &QAction::triggered, this, [this, chart, name] { saveAs(chart, name, true); });
    connect(print, &QAction::triggered, this, [this, chart, name] { printWidget(chart, name); });
    chart->addActions({png, pdf, print});
    chart->setToolTip(tr("Click to look closer; right-click to save or print the chart."));
}

void DashboardTab::saveAs(QWidget *what, const QString &name, bool pdf)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString stem = name + u' ' + breadcrumbText().replace(u" › "_s, u"-"_s) + u' ' + periodText();
    const QString path = FileDialog::getSaveFileName(this, pdf ? tr("Save as PDF") : tr("Save as PNG"),
                                                     QDir(dir).filePath(stem + (pdf ? u".pdf"_s : u".png"_s)),
                                                     pdf ? tr("PDF (*.pdf)") : tr("PNG picture (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(pdf ? exportPdf(what, path, &error) : exportPng(what, path, &error)))
        MessageBox::warning(this, tr("Export failed"), error);
}

void DashboardTab::printWidget(QWidget *what, const QString &name)
{
    dashboardexport::print(what, tr("%1: %2, %3").arg(name, breadcrumbText(), periodText()), asOfText(),
                           this);
}

void DashboardTab::quarterReport()
{
    QuarterReportDialog dialog(m_session, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = FileDialog::getSaveFileName(
        this, tr("Save the quarterly report"),
        QDir(dir).filePath(
            u"%1 %2.pdf"_s.arg(m_session.orgUnitName(dialog.countyId()), dialog.quarter().chineseName())),
        tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QuarterReport report(*m_data);
    QString error;
    if (!report.writePdf(dialog.countyId(), dialog.quarter(), path, &error))
        MessageBox::warning(this, tr("Report failed"), error);
}

} // namespace sunshine::app
