#include "app/dashboard/DashboardCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScatterSeries>
#include <QValueAxis>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

namespace {

constexpr double kFenPerWan = 1000000.0; // 1 万元 = 10,000 yuan = 1,000,000 fen

const QColor kBlue(0x1f, 0x5f, 0xa8);
const QColor kOrange(0xe0, 0x8a, 0x1e);
const QColor kGrey(0x9e, 0x9e, 0x9e);

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    QFont f = chart->titleFont();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    chart->setTitleFont(f);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(6, 4, 6, 4));
    chart->setBackgroundRoundness(0);
    return chart;
}

// A money axis in 万元 with round steps.
QValueAxis *moneyAxis(double maxWan, const QString &title)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setMin(0);
    axis->setMax(maxWan > 0 ? maxWan * 1.18 : 1.0); // room for the labels at the bars' ends
    axis->applyNiceNumbers();
    axis->setLabelFormat(axis->max() >= 20 ? u"%.0f"_s : (axis->max() >= 2 ? u"%.1f"_s : u"%.2f"_s));
    return axis;
}

void replaceChart(QChartView *view, QChart *chart)
{
    view->setFrameShape(QFrame::NoFrame);
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

// --- UnitBarChart ---

UnitBarChart::UnitBarChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);
    setChart(newChart(tr("Money disbursed")));
}

void UnitBarChart::setFigures(const DashboardFigures &figures)
{
    m_bars.clear();
    m_own.clear();
    QString period = QString::number(figures.filter.year);
    if (figures.filter.quarter)
        period = relief::Quarter{figures.filter.year, figures.filter.quarter}.chineseName();
    QChart *chart = newChart(tr("Money disbursed by %1, %2").arg(figures.unit.name, period));
    chart->legend()->hide();
    auto *set = new QBarSet(tr("Disbursed"));
    set->setColor(kBlue);
    set->setBorderColor(kBlue);
    // Horizontal bars, so that the places' names have room; the first place on top.
    QStringList names;
    double max = 0;
    for (qsizetype i = figures.children.size() - 1; i >= 0; --i) {
        const UnitFigures &c = figures.children.at(i);
        names.append(c.name);
        const double wan = double(c.disbursedFen) / kFenPerWan;
        *set << wan;
        max = qMax(max, wan);
    }
    for (const UnitFigures &c : figures.children) {
        m_bars.append({c.orgUnitId, c.disbursedFen});
        m_own.append(c.own);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(u"@value"_s);
    series->setLabelsPrecision(max >= 100 ? 6 : 4);
    set->setLabelColor(QColor(0x33, 0x33, 0x33));
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(names);
    y->setGridLineVisible(false);
    y->setTruncateLabels(false); // the names whole: the layout gives the axis only a little room otherwise
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QValueAxis *x = moneyAxis(max, tr("10k yuan"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    if (names.isEmpty())
        chart->setTitle(chart->title() + u" — "_s + tr("no places below"));
    const qsizetype count = names.size();
    connect(set, &QBarSet::clicked, this, [this, count](int index) { clickBar(int(count - 1 - index)); });
    setMinimumHeight(int(qMax<qsizetype>(300, 90 + count * 24)));
    replaceChart(this, chart);
}

void UnitBarChart::clickBar(int index)
{
    if (index < 0 || index >= m_bars.size())
        return;
    Q_EMIT unitClicked(m_bars.at(index).first, m_own.at(index));
}

// --- MonthLineChart ---

MonthLineChart::MonthLineChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
    setChart(newChart(tr("Money per month")));
}

void MonthLineChart::setFigures(const DashboardFigures &figures)
{
    m_year = figures.filter.year;
    QChart *chart = newChart(tr("Money per month, %1 against %2").arg(m_year).arg(m_year - 1));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *thisYear = new QLineSeries;
    thisYear->setName(QString::number(m_year));
    auto *lastYear = new QLineSeries;
    lastYear->setName(QString::number(m_year - 1));
    double max = 0;
    for (int m = 0; m < 12; ++m) {
        const double a = double(figures.monthFen[size_t(m)]) / kFenPerWan;
        const double b = double(figures.lastYearFen[size_t(m)]) / kFenPerWan;
        // The months still to come of the current year are not drawn as zero.
        if (m + 1 <= figures.lastMonth)
            thisYear->append(m + 1, a);
        lastYear->append(m + 1, b);
        max = qMax(max, qMax(a, b));
    }
    QPen pen(kBlue);
    pen.setWidthF(2.5);
    thisYear->setPen(pen);
    thisYear->setPointsVisible(true);
    QPen old(kGrey);
    old.setWidthF(2);
    old.setStyle(Qt::DashLine);
    lastYear->setPen(old);
    lastYear->setPointsVisible(true);
    chart->addSeries(thisYear);
    chart->addSeries(lastYear);
    auto *x = new QCategoryAxis;
    x->setMin(0.5);
    x->setMax(12.5);
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    for (int m = 1; m <= 12; ++m)
        x->append(tr("M%1", "month number on the axis").arg(m), m + 0.5);
    x->setGridLineVisible(false);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = moneyAxis(max, tr("10k yuan"));
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {thisYear, lastYear}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    connect(thisYear, &QLineSeries::clicked, this, [this](const QPointF &p) {
        Q_EMIT monthClicked(m_year, qBound(1, int(std::lround(p.x())), 12));
    });
    connect(lastYear, &QLineSeries::clicked, this, [this](const QPointF &p) {
        Q_EMIT monthClicked(m_year - 1, qBound(1, int(std::lround(p.x())), 12));
    });
    replaceChart(this, chart);
}

// --- KindPieChart ---

KindPieChart::KindPieChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(240);
    setChart(newChart(tr("Share per fund kind")));
}

void KindPieChart::setFigures(const DashboardFigures &figures)
{
    QChart *chart = newChart(tr("Share per fund kind"));
    chart->legend()->setAlignment(Qt::AlignRight);
    auto *series = new QPieSeries;
    series->setPieSize(0.62);
    static const QColor colors[] = {QColor(0xc6, 0x28, 0x28), QColor(0xef, 0x6c, 0x00),
                                    QColor(0x8e, 0x24, 0xaa), QColor(0x2e, 0x7d, 0x32)};
    qint64 total = 0;
    for (const KindFigures &k : figures.kinds)
        total += k.amountFen;
    for (qsizetype i = 0; i < figures.kinds.size(); ++i) {
        const KindFigures &k = figures.kinds.at(i);
        if (k.amountFen <= 0)
            continue;
        const double share = total > 0 ? 100.0 * double(k.amountFen) / double(total) : 0;
        auto *slice =
            new QPieSlice(tr("%1 %2%").arg(k.name).arg(share, 0, 'f', 1), double(k.amountFen) / kFenPerWan);
        slice->setColor(colors[i % 4]);
        slice->setProperty("kind", k.kind);
        slice->setLabelVisible(false);
        series->append(slice);
    }
    if (series->count() == 0)
        chart->setTitle(chart->title() + u" — "_s + tr("no money in this period"));
    chart->addSeries(series);
    connect(series, &QPieSeries::clicked, this,
            [this](QPieSlice *slice) { Q_EMIT kindClicked(slice->property("kind").toString()); });
    connect(series, &QPieSeries::hovered, this,
            [](QPieSlice *slice, bool state) { slice->setExploded(state); });
    replaceChart(this, chart);
}

} // namespace sunshine::app
