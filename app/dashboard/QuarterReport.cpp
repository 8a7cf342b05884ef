#include "app/dashboard/QuarterReport.h"

#include "app/records/PdfExport.h"

#include "app/dashboard/DashboardCharts.h"
#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/core/Clock.h"
#include "ui_QuarterReportDialog.h"

#include <QDateTime>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QTextDocument>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

QString cell(const QString &text, bool right = false)
{
    return (right ? u"<td align=\"right\">"_s : u"<td>"_s) + text.toHtmlEscaped() + u"</td>"_s;
}

QString head(const QStringList &titles)
{
    QString h = u"<tr>"_s;
    for (const QString &t : titles)
        h += u"<th bgcolor=\"#e8eef6\">"_s + t.toHtmlEscaped() + u"</th>"_s;
    return h + u"</tr>"_s;
}

QString percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return u"—"_s;
    const qint64 pm = (part * 1000 + whole / 2) / whole;
    return u"%1.%2%"_s.arg(pm / 10).arg(pm % 10);
}

const QString kTable = u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"_s;

} // namespace

QuarterReport::QuarterReport(DashboardData &data)
    : m_data(data)
{}

QImage QuarterReport::render(QWidget *chart, QSize size)
{
    size = size.expandedTo(chart->minimumSize());
    chart->setAttribute(Qt::WA_DontShowOnScreen);
    chart->resize(size);
    chart->show();
    QCoreApplication::sendPostedEvents();
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    QPainter painter(&image);
    chart->render(&painter, QPoint(), QRegion(),
                  QWidget::DrawChildren); // on white, without the window colour
    painter.end();
    chart->hide();
    return image;
}

std::unique_ptr<QTextDocument> QuarterReport::document(const QString &countyId, relief::Quarter quarter) const
{
    auto doc = std::make_unique<QTextDocument>();
    ClientSession &session = m_data.session();
    DashboardFilter filter;
    filter.year = quarter.year;
    filter.quarter = quarter.number;
    filter.orgUnitId = countyId;
    const DashboardFigures f = m_data.compute(filter);
    DashboardFilter yearFilter = filter;
    yearFilter.quarter = 0;
    const DashboardFigures year = m_data.compute(yearFilter);
    qint64 yearToDate = 0;
    for (int m = 0; m < quarter.number * 3; ++m)
        yearToDate += year.monthFen[size_t(m)];
    const QString county = session.orgUnitName(countyId);
    const QDateTime asOf = chinaDateTimeOf(f.asOfMs);

    // The charts, drawn off-screen.
    UnitBarChart bars;
    bars.setFigures(f);
    KindPieChart kinds;
    kinds.setFigures(f);
    MonthLineChart months;
    months.setFigures(year);
    doc->addResource(QTextDocument::ImageResource, QUrl(u"chart://bars"_s),
                     render(&bars, QSize(760, 70 + 22 * int(qMax<qsizetype>(4, f.children.size())))));
    doc->addResource(QTextDocument::ImageResource, QUrl(u"chart://kinds"_s), render(&kinds, QSize(760, 260)));
    doc->addResource(QTextDocument::ImageResource, QUrl(u"chart://months"_s),
                     render(&months, QSize(760, 280)));

    QString h;
    h += u"<h2 align=\"center\">"_s +
         tr("%1, %2: quarterly report on poverty-relief funds and assistance")
             .arg(county, quarter.chineseName())
             .toHtmlEscaped() +
         u"</h2>"_s;
    h += u"<p align=\"center\">"_s +
         tr("Data as of %1 · compiled by %2 on %3")
             .arg(f.asOfMs > 0 ? asOf.toString(u"yyyy-MM-dd HH:mm"_s) : tr("(not synced)"),
                  session.user().displayName, m_data.today().toString(Qt::ISODate))
             .toHtmlEscaped() +
         u"</p>"_s;

    const UnitFigures &t = f.total;
    h += u"<h3>"_s + tr("1. Summary").toHtmlEscaped() + u"</h3>"_s + kTable;
    h += head({tr("Figure"), tr("Value")});
    const QList<QPair<QString, QString>> summary{
        {tr("Money disbursed in the quarter (10k yuan)"), wanYuan(t.disbursedFen)},
        {tr("Payments in the quarter"), QString::number(t.disbursements)},
        {tr("Money disbursed in %1 up to the quarter (10k yuan)").arg(quarter.year), wanYuan(yearToDate)},
        {tr("Registered households"), QString::number(t.households)},
        {tr("Households that left the registry in %1").arg(quarter.year), QString::number(t.exits)},
        {tr("Pairing coverage"),
         tr("%1 (%2 of %3 households)").arg(percent(t.paired, t.households)).arg(t.paired).arg(t.households)},
        {tr("Visit coverage, %1").arg(f.visitQuarter.chineseName()),
         tr("%1 (%2 of %3 pairings)").arg(percent(t.visited, t.pairings)).arg(t.visited).arg(t.pairings)},
        {tr("Help requests past their deadline"), QString::number(t.helpOverdue)},
        {tr("Fund entries overdue"), QString::number(t.overdue)},
        {tr("Disbursements entered late"), QString::number(t.enteredLate)},
    };
    for (const auto &row : summary)
        h += u"<tr>"_s + cell(row.first) + cell(row.second, true) + u"</tr>"_s;
    h += u"</table>"_s;

    h += u"<h3>"_s + tr("2. Per town").toHtmlEscaped() + u"</h3>"_s;
    h += u"<p><img src=\"chart://bars\" width=\"700\"></p>"_s + kTable;
    h += head({tr("Town"), tr("Disbursed (10k yuan)"), tr("Payments"), tr("Households"), tr("Exits"),
               tr("Pairing coverage"), tr("Visit coverage"), tr("Help overdue"), tr("Entries overdue"),
               tr("Entered late")});
    QList<UnitFigures> rows = f.children;
    UnitFigures total = t;
    total.name = tr("Total");
    rows.append(total);
    for (const UnitFigures &r : rows) {
        h += u"<tr>"_s + cell(r.name) + cell(wanYuan(r.disbursedFen), true) +
             cell(QString::number(r.disbursements), true) + cell(QString::number(r.households), true) +
             cell(QString::number(r.exits), true) + cell(percent(r.paired, r.households), true) +
             cell(percent(r.visited, r.pairings), true) + cell(QString::number(r.helpOverdue), true) +
             cell(QString::number(r.overdue), true) + cell(QString::number(r.enteredLate), true) + u"</tr>"_s;
    }
    h += u"</table>"_s;

    h += u"<h3>"_s + tr("3. Per fund kind").toHtmlEscaped() + u"</h3>"_s;
    h += u"<p><img src=\"chart://kinds\" width=\"700\"></p>"_s + kTable;
    h += head({tr("Fund kind"), tr("Disbursed (10k yuan)"), tr("Payments"), tr("Share")});
    for (const KindFigures &k : f.kinds)
        h += u"<tr>"_s + cell(k.name) + cell(wanYuan(k.amountFen), true) +
             cell(QString::number(k.count), true) + cell(percent(k.amountFen, t.disbursedFen), true) +
             u"</tr>"_s;
    h += u"</table>"_s;

    h += u"<h3>"_s +
         tr("4. Per month, %1 against %2").arg(quarter.year).arg(quarter.year - 1).toHtmlEscaped() +
         u"</h3>"_s;
    h += u"<p><img src=\"chart://months\" width=\"700\"></p>"_s;

    h += u"<h3>"_s + tr("5. Fund entries overdue and entered late, per department").toHtmlEscaped() +
         u"</h3>"_s;
    if (f.departments.isEmpty()) {
        h += u"<p>"_s + tr("None.").toHtmlEscaped() + u"</p>"_s;
    } else {
        h += kTable + head({tr("Department"), tr("Entries overdue"), tr("Entered late")});
        for (const DepartmentFigures &d : f.departments)
            h += u"<tr>"_s + cell(d.name) + cell(QString::number(d.overdue), true) +
                 cell(QString::number(d.enteredLate), true) + u"</tr>"_s;
        h += u"</table>"_s;
    }
    doc->setHtml(h);
    return doc;
}

bool QuarterReport::writePdf(const QString &countyId, relief::Quarter quarter, const QString &path,
                             QString *error) const
{
    if (!m_data.session().orgUnit(countyId)) {
        *error = tr("The county is not in your area.");
        return false;
    }
    const std::unique_ptr<QTextDocument> doc = document(countyId, quarter);
    return app::writePdf(
        *doc, path,
        tr("%1 %2 quarterly report").arg(m_data.session().orgUnitName(countyId), quarter.chineseName()),
        error);
}

// --- QuarterReportDialog ---

QuarterReportDialog::QuarterReportDialog(ClientSession &session, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::QuarterReportDialog>())
{
    ui->setupUi(this);
    const QList<OrgUnit> counties = session.orgUnitsAt(OrgLevel::County);
    for (const OrgUnit &c : counties)
        ui->countyCombo->addItem(c.name, c.id);
    const QDate today = chinaDateOf(session.clock().nowMs());
    relief::Quarter q = relief::Quarter::of(today);
    for (int i = 0; i < 8; ++i, q = q.previous())
        ui->quarterCombo->addItem(q.chineseName(), q.toString());
    ui->quarterCombo->setCurrentIndex(1); // the last finished quarter
    ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(!counties.isEmpty());
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QuarterReportDialog::~QuarterReportDialog() = default;

QString QuarterReportDialog::countyId() const
{
    return ui->countyCombo->currentData().toString();
}

relief::Quarter QuarterReportDialog::quarter() const
{
    return relief::Quarter::parse(ui->quarterCombo->currentData().toString()).value_or(relief::Quarter{});
}

} // namespace sunshine::app
