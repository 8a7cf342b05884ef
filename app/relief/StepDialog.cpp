#include "app/relief/StepDialog.h"

#include "app/sync/ClientSession.h"
#include "common/core/IdCard.h"
#include "common/relief/CaseTypes.h"
#include "common/relief/RegistryTypes.h"
#include "ui_StepDialog.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

StepDialog::StepDialog(ClientSession &session, const QString &caseId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::StepDialog>())
    , m_session(session)
    , m_caseId(caseId)
{
    ui->setupUi(this);
    ui->decisionCombo->addItem(tr("Pass"), true);
    ui->decisionCombo->addItem(tr("Return with reason"), false);
    ui->historyTable->setColumnCount(5);
    ui->historyTable->setHorizontalHeaderLabels(
        {tr("Step"), tr("Decision"), tr("Date"), tr("Decided by"), tr("Opinion")});
    ui->historyTable->horizontalHeader()->setStretchLastSection(true);
    ui->historyTable->verticalHeader()->hide();
    const QDate today = chinaDateOf(m_session.clock().nowMs());
    for (QDateEdit *e : {ui->dateEdit, ui->noticeStartEdit, ui->noticeEndEdit}) {
        e->setMaximumDate(today.addYears(1));
        e->setDate(today);
    }
    ui->noticeStartEdit->setDate(today.addDays(-7));
    ui->noticeEndEdit->setDate(today.addDays(-1));
    ui->personEdit->setText(m_session.user().displayName.section(u'（', 0, 0));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &StepDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
}

StepDialog::~StepDialog() = default;

QString StepDialog::problem() const
{
    return ui->problemLabel->text();
}

void StepDialog::setEntry(bool passed, QDate date, const QString &person, const QString &opinion,
                          QDate noticeStart, QDate noticeEnd)
{
    ui->decisionCombo->setCurrentIndex(passed ? 0 : 1);
    ui->dateEdit->setDate(date);
    ui->personEdit->setText(person);
    ui->opinionEdit->setPlainText(opinion);
    if (noticeStart.isValid())
        ui->noticeStartEdit->setDate(noticeStart);
    if (noticeEnd.isValid())
        ui->noticeEndEdit->setDate(noticeEnd);
}

void StepDialog::load()
{
    const std::optional<CachedRecord> rec = m_session.cache().record(m_caseId);
    if (!rec || (rec->record.type != u"identification-case"_s && rec->record.type != u"exit-case"_s)) {
        ui->problemLabel->setText(tr("The case is not in the local data."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    m_type = rec->record.type;
    m_orgUnitId = rec->record.orgUnitId;
    m_fields = rec->record.fields;
    m_kind = m_type == u"exit-case"_s ? relief::CaseKind::Exit : relief::CaseKind::Identification;
    const QList<relief::WorkflowStep> steps = relief::workflowSteps(m_kind);
    const QList<relief::StepEntry> history = relief::stepsFromJson(m_fields.value(u"steps"_s).toArray());

    const QString who =
        m_kind == relief::CaseKind::Exit
            ? tr("Exit of household %1").arg(m_fields.value(u"householdId"_s).toString().left(8))
            : tr("Identification of %1").arg(m_fields.value(u"applicantName"_s).toString());
    ui->summaryLabel->setText(tr("%1 — %2, year %3")
                                  .arg(who, m_session.orgUnitName(m_orgUnitId))
                                  .arg(m_fields.value(u"year"_s).toInt()));
    ui->historyTable->setRowCount(int(history.size()));
    for (int i = 0; i < history.size(); ++i) {
        const relief::StepEntry &e = history.at(i);
        QString stepName = e.step;
        for (const relief::WorkflowStep &s : steps) {
            if (s.code == e.step)
                stepName = s.chineseName;
        }
        QString date = e.date.toString(Qt::ISODate);
        if (e.noticeStart.isValid())
            date = tr("%1 (notice %2 – %3)")
                       .arg(date, e.noticeStart.toString(Qt::ISODate), e.noticeEnd.toString(Qt::ISODate));
        const QStringList cells{stepName, e.passed ? tr("Passed") : tr("Returned"), date, e.person,
                                e.opinion};
        for (int c = 0; c < cells.size(); ++c)
            ui->historyTable->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    ui->historyTable->resizeColumnsToContents();

    const relief::CaseState state = relief::caseState(m_kind, history);
    m_hasNext = !state.finished && !state.refused && state.nextStep < steps.size();
    if (!m_hasNext) {
        ui->nextStepLabel->setText(state.refused    ? tr("The case was closed at the first step.")
                                   : state.finished ? tr("Every step has passed: the case is finished.")
                                                    : tr("No further step."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
        for (QWidget *w : {static_cast<QWidget *>(ui->decisionCombo), static_cast<QWidget *>(ui->dateEdit),
                           static_cast<QWidget *>(ui->personEdit), static_cast<QWidget *>(ui->opinionEdit)})
            w->setEnabled(false);
        ui->noticeStartEdit->setVisible(false);
        ui->noticeEndEdit->setVisible(false);
        ui->noticeStartLabel->setVisible(false);
        ui->noticeEndLabel->setVisible(false);
        return;
    }
    m_next = steps.at(state.nextStep);
    static const char *levelNames[] = {QT_TR_NOOP("city"), QT_TR_NOOP("county"), QT_TR_NOOP("town"),
                                       QT_TR_NOOP("village")};
    ui->nextStepLabel->setText(tr("Next step: %1 (by a reviewer at %2 level)")
                                   .arg(m_next.chineseName, tr(levelNames[int(m_next.level) - 1])));
    ui->noticeStartEdit->setVisible(m_next.publicNotice);
    ui->noticeEndEdit->setVisible(m_next.publicNotice);
    ui->noticeStartLabel->setVisible(m_next.publicNotice);
    ui->noticeEndLabel->setVisible(m_next.publicNotice);
}

void StepDialog::submit()
{
    if (!m_hasNext)
        return;
    relief::StepEntry e;
    e.step = m_next.code;
    e.passed = ui->decisionCombo->currentData().toBool();
    e.date = ui->dateEdit->date();
    e.person = ui->personEdit->text().trimmed();
    e.opinion = ui->opinionEdit->toPlainText().trimmed();
    if (m_next.publicNotice) {
        e.noticeStart = ui->noticeStartEdit->date();
        e.noticeEnd = ui->noticeEndEdit->date();
    }
    const qint64 now = m_session.clock().nowMs();
    relief::StepContext context;
    context.actorLevel = m_session.user().orgLevel;
    context.today = chinaDateOf(now);
    context.crossRegion = m_fields.value(u"crossRegion"_s).toBool();
    context.unresolvedComparisonHits =
        relief::unresolvedHits(relief::hitsFromJson(m_fields.value(u"hits"_s).toArray()));
    const QList<relief::StepEntry> history = relief::stepsFromJson(m_fields.value(u"steps"_s).toArray());
    // The same rule the server applies, so the reviewer hears of a problem now, online or not.
    if (const auto why = relief::stepProblem(m_kind, history, e, context)) {
        ui->problemLabel->setText(*why);
        return;
    }
    QJsonArray steps = m_fields.value(u"steps"_s).toArray();
    steps.append(relief::stepToJson(e, m_session.user().id));
    // What the last step entails (the household registered, or marked exited) the server writes in the same
    // push; it comes back with the next pull.
    QString error;
    if (!m_session.saveFields(m_type, m_caseId, m_orgUnitId, QString(), {{u"steps"_s, steps}}, &error)) {
        ui->problemLabel->setText(tr("Could not save: %1").arg(error));
        return;
    }
    accept();
}

} // namespace sunshine::app
