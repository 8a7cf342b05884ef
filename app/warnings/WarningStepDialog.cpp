#include "app/warnings/WarningStepDialog.h"

#include "app/sync/ClientSession.h"
#include "common/core/ChinaTime.h"
#include "common/supervision/SupervisionRules.h"
#include "common/warnings/WarningType.h"
#include "ui_WarningStepDialog.h"

#include <QJsonArray>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using warnings::Action;
using warnings::Outcome;

WarningStepDialog::WarningStepDialog(ClientSession &session, const QString &warningId, Action action,
                                     QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::WarningStepDialog>())
    , m_session(session)
    , m_id(warningId)
    , m_action(action)
{
    ui->setupUi(this);
    setWindowTitle(warnings::actionChinese(action));
    ui->personEdit->setText(m_session.user().displayName.section(u'（', 0, 0));
    for (const Outcome o : {Outcome::Corrected, Outcome::Rectifying, Outcome::Referred, Outcome::FalseAlarm})
        ui->outcomeCombo->addItem(warnings::outcomeChinese(o), warnings::outcomeName(o));
    const bool assign = action == Action::Assign;
    const bool decide = action == Action::Decide;
    ui->assigneeLabel->setVisible(assign);
    ui->assigneeEdit->setVisible(assign);
    ui->outcomeLabel->setVisible(decide);
    ui->outcomeCombo->setVisible(decide);
    ui->filesLabel->setVisible(decide);
    ui->filesList->setVisible(decide);
    // A rectification's deadline (60 days unless set; supervision::kDefaultRectificationDays) and a
    // referral's receiving organ: asked only for those outcomes.
    ui->referCombo->addItem(tr("Discipline commission (纪委监委)"), u"discipline"_s);
    ui->referCombo->addItem(tr("Judicial organs (司法机关)"), u"judicial"_s);
    const QDate today = chinaDateOf(m_session.clock().nowMs());
    ui->dueEdit->setMinimumDate(today.addDays(1));
    ui->dueEdit->setDate(today.addDays(supervision::kDefaultRectificationDays));
    auto showOutcomeFields = [this, decide] {
        const QString outcome = ui->outcomeCombo->currentData().toString();
        const bool rectify = decide && outcome == warnings::outcomeName(Outcome::Rectifying);
        const bool refer = decide && outcome == warnings::outcomeName(Outcome::Referred);
        ui->dueLabel->setVisible(rectify);
        ui->dueEdit->setVisible(rectify);
        ui->referLabel->setVisible(refer);
        ui->referCombo->setVisible(refer);
    };
    connect(ui->outcomeCombo, &QComboBox::currentIndexChanged, this, showOutcomeFields);
    showOutcomeFields();
    static const QHash<int, const char *> prompts{
        {int(Action::Assign), QT_TR_NOOP("Assign the warning to the person who checks it.")},
        {int(Action::Reply), QT_TR_NOOP("Sign for the warning and start checking the facts.")},
        {int(Action::Decide),
         QT_TR_NOOP(
             "Record what the check found: a data correction needs evidence attached to the warning; a "
             "false alarm needs its reason.")},
        {int(Action::Close), QT_TR_NOOP("Review the outcome and close (销号) the warning.")},
        {int(Action::Return), QT_TR_NOOP("Return the outcome for further checking, with the reason.")}};
    ui->actionLabel->setText(tr(prompts.value(int(action))));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &WarningStepDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const std::optional<CachedRecord> rec = m_session.cache().record(m_id);
    if (!rec || rec->record.type != QString::fromUtf16(warnings::WarningType::kName)) {
        ui->problemLabel->setText(tr("The warning is not in the local data."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    m_loaded = true;
    m_orgUnitId = rec->record.orgUnitId;
    m_departmentId = rec->record.departmentId;
    m_fields = rec->record.fields;
    ui->summaryLabel->setText(m_fields.value(u"summary"_s).toString());
    const QJsonArray files = m_fields.value(u"attachments"_s).toArray();
    for (const QJsonValue &f : files) {
        auto *item = new QListWidgetItem(f.toString().left(12) + u'…', ui->filesList);
        item->setData(Qt::UserRole, f.toString());
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    if (files.isEmpty())
        ui->filesList->addItem(tr("No evidence attached yet: attach it in the warning's form first."));
}

WarningStepDialog::~WarningStepDialog() = default;

QString WarningStepDialog::problem() const
{
    return ui->problemLabel->text();
}

void WarningStepDialog::setEntry(const QString &person, const QString &note, const QString &assignee,
                                 std::optional<Outcome> outcome, const QStringList &files)
{
    ui->personEdit->setText(person);
    ui->noteEdit->setPlainText(note);
    ui->assigneeEdit->setText(assignee);
    if (outcome)
        ui->outcomeCombo->setCurrentIndex(ui->outcomeCombo->findData(warnings::outcomeName(*outcome)));
    for (int i = 0; i < ui->filesList->count(); ++i) {
        QListWidgetItem *item = ui->filesList->item(i);
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(files.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                    : Qt::Unchecked);
    }
}

void WarningStepDialog::submit()
{
    if (!m_loaded)
        return;
    warnings::WarningStep step;
    step.action = m_action;
    step.person = ui->personEdit->text().trimmed();
    step.note = ui->noteEdit->toPlainText().trimmed();
    if (m_action == Action::Assign)
        step.assignee = ui->assigneeEdit->text().trimmed();
    if (m_action == Action::Decide) {
        step.outcome = warnings::outcomeFromName(ui->outcomeCombo->currentData().toString());
        if (step.outcome == Outcome::Rectifying)
            step.dueOn = ui->dueEdit->date();
        if (step.outcome == Outcome::Referred)
            step.referTo = ui->referCombo->currentData().toString();
        for (int i = 0; i < ui->filesList->count(); ++i) {
            const QListWidgetItem *item = ui->filesList->item(i);
            if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
                step.files.append(item->data(Qt::UserRole).toString());
        }
    }
    // The rule the server applies, so the person hears of a problem now, online or not.
    const QList<warnings::WarningStep> history =
        warnings::stepsFromJson(m_fields.value(u"steps"_s).toArray());
    if (const auto why = warnings::stepProblem(history, step, m_session.user().roles, m_session.user().id)) {
        ui->problemLabel->setText(*why);
        return;
    }
    QJsonArray steps = m_fields.value(u"steps"_s).toArray();
    steps.append(step.toJson());
    QString error;
    if (!m_session.saveFields(QString::fromUtf16(warnings::WarningType::kName), m_id, m_orgUnitId,
                              m_departmentId, {{u"steps"_s, steps}}, &error)) {
        ui->problemLabel->setText(tr("Could not save: %1").arg(error));
        return;
    }
    accept();
}

} // namespace sunshine::app
