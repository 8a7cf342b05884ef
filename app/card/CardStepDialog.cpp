#include "app/card/CardStepDialog.h"

#include "app/sync/ClientSession.h"
#include "common/card/CardTypes.h"
#include "ui_CardStepDialog.h"

#include <QJsonArray>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

using namespace card;

CardStepDialog::CardStepDialog(ClientSession &session, Kind kind, const QString &recordId, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::CardStepDialog>())
    , m_session(session)
    , m_kind(kind)
    , m_id(recordId)
{
    ui->setupUi(this);
    setWindowTitle(kind == Kind::Request ? tr("Approve spend request") : tr("Check claim"));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &CardStepDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(ui->actionCombo, &QComboBox::currentIndexChanged, this, &CardStepDialog::actionChanged);
    for (ApprovalBody b : {ApprovalBody::Director, ApprovalBody::Committees, ApprovalBody::Representatives})
        ui->bodyCombo->addItem(approvalBodyChinese(b), approvalBodyName(b));

    const QString type =
        QString::fromUtf16(kind == Kind::Request ? SpendRequestType::kName : CardClaimType::kName);
    const std::optional<CachedRecord> rec = m_session.cache().record(m_id);
    if (!rec || rec->record.type != type) {
        ui->problemLabel->setText(tr("The record is not in the local data."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
        return;
    }
    m_orgUnitId = rec->record.orgUnitId;
    m_departmentId = rec->record.departmentId;
    m_fields = rec->record.fields;
    const UserInfo &user = m_session.user();
    m_actor.roles = user.roles;
    m_actor.level = user.orgLevel;
    // The county's tiers as the cache has them (the server decides with its own).
    if (const std::optional<OrgUnit> unit = m_session.orgUnit(m_orgUnitId)) {
        const QString county = CardTierSettingType::countyOf(unit->path);
        if (const auto tiers = m_session.cache().record(CardTierSettingType::recordIdFor(county)))
            m_tiers = CardTierSettingType::tiersOf(tiers->record.fields);
    }
    const QJsonArray steps = m_fields.value(u"steps"_s).toArray();
    if (kind == Kind::Request) {
        const Fen estimate = sync::RecordType::fenOf(m_fields, u"estimate"_s);
        const QList<RequestStep> history = requestStepsFromJson(steps);
        ui->subjectLabel->setText(
            u"%1 · %2 元"_s.arg(m_fields.value(u"purpose"_s).toString(), money::formatYuan(estimate)));
        ui->stateLabel->setText(tr("Now: %1. An estimate of this size is approved by %2.")
                                    .arg(requestStateChinese(replayRequest(history).state),
                                         approvalBodyChinese(requiredBody(estimate, m_tiers))));
        ui->bodyCombo->setCurrentIndex(int(requiredBody(estimate, m_tiers)));
        for (RequestAction a : requestActionsFor(history, m_actor, estimate, m_tiers))
            ui->actionCombo->addItem(requestActionChinese(a), requestActionName(a));
    } else {
        const QList<ClaimStep> history = claimStepsFromJson(steps);
        ui->subjectLabel->setText(
            u"%1 · %2 元"_s.arg(m_fields.value(u"purpose"_s).toString(),
                                money::formatYuan(sync::RecordType::fenOf(m_fields, u"amount"_s))));
        ui->stateLabel->setText(tr("Now: %1.").arg(claimStateChinese(replayClaim(history).state)));
        for (ClaimAction a : claimActionsFor(history, m_actor))
            ui->actionCombo->addItem(claimActionChinese(a), claimActionName(a));
    }
    if (ui->actionCombo->count() == 0) {
        ui->problemLabel->setText(tr("Nothing for you to do on this record now."));
        ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(false);
    }
    actionChanged();
}

CardStepDialog::~CardStepDialog() = default;

QStringList CardStepDialog::offered() const
{
    QStringList out;
    for (int i = 0; i < ui->actionCombo->count(); ++i)
        out.append(ui->actionCombo->itemData(i).toString());
    return out;
}

QString CardStepDialog::problem() const
{
    return ui->problemLabel->text();
}

void CardStepDialog::actionChanged()
{
    const QString action = ui->actionCombo->currentData().toString();
    const bool approve = action == requestActionName(RequestAction::Approve);
    const bool villageCheck = action == claimActionName(ClaimAction::VillageCheck);
    const bool book = action == claimActionName(ClaimAction::Book);
    const bool reason =
        action == requestActionName(RequestAction::Reject) || action == claimActionName(ClaimAction::Return);
    ui->bodyLabel->setVisible(approve);
    ui->bodyCombo->setVisible(approve);
    ui->personLabel->setVisible(approve || villageCheck);
    ui->personEdit->setVisible(approve || villageCheck);
    ui->personLabel->setText(villageCheck ? tr("Checked by (supervision committee):") : tr("&Signed by:"));
    ui->voucherLabel->setVisible(book);
    ui->voucherEdit->setVisible(book);
    ui->reasonLabel->setVisible(reason);
    ui->reasonEdit->setVisible(reason);
}

void CardStepDialog::setEntry(const QString &action, const QString &body, const QString &person,
                              const QString &text)
{
    ui->actionCombo->setCurrentIndex(ui->actionCombo->findData(action));
    if (!body.isEmpty())
        ui->bodyCombo->setCurrentIndex(ui->bodyCombo->findData(body));
    ui->personEdit->setText(person);
    ui->voucherEdit->setText(text);
    ui->reasonEdit->setText(text);
}

void CardStepDialog::submit()
{
    const QString action = ui->actionCombo->currentData().toString();
    QJsonArray steps = m_fields.value(u"steps"_s).toArray();
    std::optional<QString> why;
    QJsonObject step;
    if (m_kind == Kind::Request) {
        const auto a = requestActionFromName(action);
        if (!a)
            return;
        RequestStep s;
        s.action = *a;
        if (s.action == RequestAction::Approve) {
            s.body = ui->bodyCombo->currentData().toString();
            s.signer = ui->personEdit->text().trimmed();
        }
        if (s.action == RequestAction::Reject)
            s.reason = ui->reasonEdit->text().trimmed();
        why = requestStepProblem(requestStepsFromJson(steps), s, m_actor,
                                 sync::RecordType::fenOf(m_fields, u"estimate"_s), m_tiers);
        step = s.toJson();
    } else {
        const auto a = claimActionFromName(action);
        if (!a)
            return;
        ClaimStep s;
        s.action = *a;
        if (s.action == ClaimAction::VillageCheck)
            s.checker = ui->personEdit->text().trimmed();
        if (s.action == ClaimAction::Book)
            s.voucherNo = ui->voucherEdit->text().trimmed();
        if (s.action == ClaimAction::Return)
            s.reason = ui->reasonEdit->text().trimmed();
        why = claimStepProblem(claimStepsFromJson(steps), s, m_actor);
        step = s.toJson();
    }
    if (why) {
        ui->problemLabel->setText(*why);
        return;
    }
    steps.append(step);
    const QString type =
        QString::fromUtf16(m_kind == Kind::Request ? SpendRequestType::kName : CardClaimType::kName);
    QString error;
    if (!m_session.saveFields(type, m_id, m_orgUnitId, m_departmentId, {{u"steps"_s, steps}}, &error)) {
        ui->problemLabel->setText(tr("Could not save: %1").arg(error));
        return;
    }
    accept();
}

} // namespace sunshine::app
