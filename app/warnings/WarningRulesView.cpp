#include "app/warnings/WarningRulesView.h"

#include "app/net/ApiClient.h"
#include "app/shell/MessageBox.h"
#include "app/sync/ClientSession.h"
#include "app/warnings/HandlingDaysDialog.h"
#include "app/warnings/WarningRuleDialog.h"
#include "app/warnings/WarningRulesModel.h"
#include "common/core/ChinaTime.h"
#include "common/rules/Rules.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

WarningRulesView::WarningRulesView(ClientSession &session, ApiClient &api, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_api(api)
    , m_manager(rules::canManageRules(session.user().roles, session.user().orgLevel))
{
    m_model = new WarningRulesModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(u"warningRules"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *refresh = new QPushButton(tr("&Refresh"), this);
    m_edit = new QPushButton(tr("&Set rule…"), this);
    m_run = new QPushButton(tr("Run all rules &now"), this);
    m_handling = new QPushButton(tr("&Handling deadlines…"), this);
    m_edit->setVisible(m_manager);
    m_run->setVisible(m_manager);
    m_handling->setVisible(m_manager);
    connect(refresh, &QPushButton::clicked, this, &WarningRulesView::refresh);
    connect(m_edit, &QPushButton::clicked, this, &WarningRulesView::editCurrent);
    connect(m_run, &QPushButton::clicked, this, &WarningRulesView::runNow);
    connect(m_handling, &QPushButton::clicked, this, &WarningRulesView::editHandlingDays);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        if (m_manager)
            editCurrent();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(refresh);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_handling);
    buttons->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
}

void WarningRulesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_model->rowCount() == 0)
        refresh();
}

void WarningRulesView::refresh()
{
    m_api.get(u"/api/v1/warnings/rules"_s, {}, this, [this](const ApiResult &r) {
        if (!r.ok()) {
            m_status->setText(tr("The rules could not be read: %1").arg(r.message));
            Q_EMIT loaded(false);
            return;
        }
        m_model->setAnswer(r.json);
        m_table->resizeColumnsToContents();
        m_table->resizeRowsToContents();
        const QJsonObject handling = r.json.value(u"handling"_s).toObject();
        m_replyDays = handling.value(u"replyDays"_s).toInt(m_replyDays);
        m_resultDays = handling.value(u"resultDays"_s).toInt(m_resultDays);
        QString text = tr("Reply within %1 working days, result within %2. Waiting to be evaluated: %3.")
                           .arg(handling.value(u"replyDays"_s).toInt())
                           .arg(handling.value(u"resultDays"_s).toInt())
                           .arg(r.json.value(u"queued"_s).toInteger());
        const QJsonObject last = r.json.value(u"lastFullRun"_s).toObject();
        if (!last.isEmpty()) {
            text += u' ' + tr("Last full run %1: %2 found, %3 new, %4 escalated.")
                               .arg(chinaDateTimeOf(last.value(u"startedAt"_s).toInteger())
                                        .toString(u"yyyy-MM-dd HH:mm"_s))
                               .arg(last.value(u"findings"_s).toInteger())
                               .arg(last.value(u"raised"_s).toInteger())
                               .arg(last.value(u"escalated"_s).toInteger());
        }
        m_status->setText(text);
        Q_EMIT loaded(true);
    });
}

void WarningRulesView::editCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (!m_manager || !current.isValid())
        return;
    WarningRuleDialog dialog(m_api, m_model->rule(current.row()), this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void WarningRulesView::editHandlingDays()
{
    if (!m_manager)
        return;
    HandlingDaysDialog dialog(m_api, m_replyDays, m_resultDays, this);
    if (dialog.exec() == QDialog::Accepted)
        refresh();
}

void WarningRulesView::runNow()
{
    if (!m_manager)
        return;
    m_run->setEnabled(false);
    const ApiResult answer = m_api.wait("POST", u"/api/v1/admin/warnings/run"_s,
                                        QJsonDocument(QJsonObject{{u"kind"_s, u"full"_s}}).toJson());
    m_run->setEnabled(true);
    if (!answer.ok()) {
        MessageBox::warning(this, tr("Run not made"), answer.message);
        return;
    }
    MessageBox::information(this, tr("Run made"),
                            tr("%1 records read, %2 found, %3 new warnings, %4 escalated. They reach every "
                               "program with its next sync.")
                                .arg(answer.json.value(u"recordsRead"_s).toInteger())
                                .arg(answer.json.value(u"findings"_s).toInteger())
                                .arg(answer.json.value(u"raised"_s).toInteger())
                                .arg(answer.json.value(u"escalated"_s).toInteger()));
    m_session.engine().syncNow();
    refresh();
}

} // namespace sunshine::app
