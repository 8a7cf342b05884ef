#include "app/admin/CalendarPanel.h"

#include "app/net/ApiClient.h"
#include "app/shell/FileDialog.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "common/auth/Scope.h"
#include "common/core/WorkingCalendar.h"

#include <QEventLoop>
#include <QFile>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

CalendarPanel::CalendarPanel(ClientSession &session, ApiClient &api, const UserInfo &me, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_api(api)
    , m_me(me)
    , m_status(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_load(new QPushButton(tr("Load a year's calendar…"), this))
{
    m_warning->setStyleSheet(u"color: #b3261e; font-weight: bold;"_s);
    m_warning->setWordWrap(true);
    m_load->setObjectName(u"loadCalendar"_s);
    // The calendar is city-wide: city administrators load it (the server checks this too).
    m_load->setVisible(canLoadCalendar(me.roles, me.orgLevel));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_warning, 1);
    layout->addWidget(m_load);
    connect(m_load, &QPushButton::clicked, this, &CalendarPanel::chooseFile);
    connect(&session, &ClientSession::calendarChanged, this, &CalendarPanel::showStatus);
    showStatus();
    session.refreshCalendar();
}

QString CalendarPanel::statusText() const
{
    return m_status->text() + (m_warning->text().isEmpty() ? QString() : u" "_s + m_warning->text());
}

void CalendarPanel::showStatus()
{
    const WorkingCalendar &calendar = WorkingCalendar::current();
    QStringList years;
    for (int y : calendar.years())
        years.append(QString::number(y));
    m_status->setText(tr("Working-day calendar: %1").arg(years.join(u", "_s)));
    const QJsonObject status = m_session.calendarStatus();
    QStringList warnings;
    if (status.value(u"missingThisYear"_s).toBool())
        warnings.append(tr("This year's official schedule is missing: deadlines count weekends only "
                           "(日历未更新)."));
    if (status.value(u"missingNextYear"_s).toBool())
        warnings.append(tr("Next year's official schedule is not loaded yet. Load it as soon as the State "
                           "Council publishes it."));
    m_warning->setText(warnings.join(u' '));
}

void CalendarPanel::chooseFile()
{
    const QString path = FileDialog::getOpenFileName(
        this, tr("Load a year's working-day calendar"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), tr("Calendar (*.csv *.txt)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool CalendarPanel::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        MessageBox::warning(this, tr("Calendar not loaded"),
                            tr("The file cannot be read: %1").arg(file.errorString()));
        return false;
    }
    QByteArray csv = file.readAll();
    if (csv.startsWith("\xEF\xBB\xBF"))
        csv.remove(0, 3);
    // The year is the one the file's dates are in; the same check as the server's before anything is sent.
    WorkingCalendar read;
    QString error;
    const bool parsed = read.loadCsv(csv, &error);
    const QList<int> years = read.years();
    const int year = parsed && years.size() == 1 ? years.first() : 0;
    const std::optional<QString> problem =
        year ? WorkingCalendar::yearProblem(year, csv)
             : std::optional<QString>(parsed ? tr("The file must hold the dates of exactly one year.")
                                             : *WorkingCalendar::yearProblem(0, csv));
    if (problem) {
        MessageBox::warning(this, tr("Calendar not loaded"), *problem);
        return false;
    }
    const ApiResult answer =
        m_api.wait("PUT", u"/api/v1/admin/calendar/%1"_s.arg(year), csv, "application/octet-stream");
    if (!answer.ok()) {
        MessageBox::warning(this, tr("Calendar not loaded"), answer.message);
        return false;
    }
    m_session.refreshCalendar();
    MessageBox::information(
        this, tr("Calendar loaded"),
        tr("The official schedule of %1 is stored on the server (version %2). Every program "
           "uses it from its next sync.")
            .arg(year)
            .arg(answer.json.value(u"version"_s).toInteger()));
    return true;
}

} // namespace sunshine::app
