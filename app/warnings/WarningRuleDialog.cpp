#include "app/warnings/WarningRuleDialog.h"

#include "app/net/ApiClient.h"
#include "ui_WarningRuleDialog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

WarningRuleDialog::WarningRuleDialog(ApiClient &api, const QJsonObject &rule, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::WarningRuleDialog>())
    , m_api(api)
    , m_rule(rule)
{
    ui->setupUi(this);
    ui->titleLabel->setText(u"%1（%2）· %3"_s.arg(rule.value(u"name"_s).toString(),
                                                  rule.value(u"code"_s).toString(),
                                                  rule.value(u"basis"_s).toString()));
    ui->descriptionLabel->setText(rule.value(u"description"_s).toString());
    ui->enabledCheck->setChecked(rule.value(u"enabled"_s).toBool());
    const QJsonArray parameters = rule.value(u"parameters"_s).toArray();
    for (const QJsonValue &v : parameters) {
        const QJsonObject p = v.toObject();
        auto *spin = new QSpinBox(this);
        spin->setRange(int(p.value(u"minimum"_s).toInteger()), int(p.value(u"maximum"_s).toInteger()));
        spin->setValue(int(p.value(u"value"_s).toInteger()));
        spin->setToolTip(tr("Default: %1").arg(p.value(u"default"_s).toInteger()));
        ui->parametersForm->addRow(p.value(u"label"_s).toString() + u'：', spin);
        m_spins.insert(p.value(u"name"_s).toString(), spin);
    }
    if (parameters.isEmpty())
        ui->parametersForm->addRow(new QLabel(tr("This rule has no parameters."), this));
    connect(ui->dryRunButton, &QPushButton::clicked, this, &WarningRuleDialog::dryRun);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &WarningRuleDialog::save);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

WarningRuleDialog::~WarningRuleDialog() = default;

QString WarningRuleDialog::problem() const
{
    return ui->problemLabel->text();
}

QString WarningRuleDialog::dryRunText() const
{
    return ui->dryRunLabel->text();
}

void WarningRuleDialog::setParameter(const QString &name, int value)
{
    if (QSpinBox *spin = m_spins.value(name))
        spin->setValue(value);
}

void WarningRuleDialog::setEnabled(bool enabled)
{
    ui->enabledCheck->setChecked(enabled);
}

QJsonObject WarningRuleDialog::parameters() const
{
    QJsonObject out;
    for (auto it = m_spins.constBegin(); it != m_spins.constEnd(); ++it)
        out.insert(it.key(), it.value()->value());
    return out;
}

WarningRuleDialog::Answer WarningRuleDialog::call(const QByteArray &verb, const QString &path,
                                                  const QJsonObject &body)
{
    const ApiResult r = m_api.wait(verb, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    Answer answer;
    answer.ok = r.ok();
    answer.json = r.json;
    answer.message = r.message;
    return answer;
}

void WarningRuleDialog::dryRun()
{
    ui->problemLabel->clear();
    ui->dryRunLabel->setText(tr("Evaluating…"));
    ui->sampleList->clear();
    const Answer a =
        call("POST", u"/api/v1/admin/warnings/rules/%1/dry-run"_s.arg(m_rule.value(u"code"_s).toString()),
             {{u"parameters"_s, parameters()}});
    if (!a.ok) {
        ui->dryRunLabel->clear();
        ui->problemLabel->setText(a.message);
        return;
    }
    ui->dryRunLabel->setText(tr("Today it finds %1: %2 raised before, %3 new.")
                                 .arg(a.json.value(u"findings"_s).toInteger())
                                 .arg(a.json.value(u"alreadyRaised"_s).toInteger())
                                 .arg(a.json.value(u"new"_s).toInteger()));
    const QJsonArray sample = a.json.value(u"sample"_s).toArray();
    for (const QJsonValue &v : sample)
        ui->sampleList->addItem(v.toObject().value(u"summary"_s).toString());
    if (sample.isEmpty())
        ui->sampleList->addItem(tr("Nothing new would be raised."));
}

void WarningRuleDialog::save()
{
    ui->problemLabel->clear();
    const Answer a = call("PUT", u"/api/v1/admin/warnings/rules/%1"_s.arg(m_rule.value(u"code"_s).toString()),
                          {{u"enabled"_s, ui->enabledCheck->isChecked()}, {u"parameters"_s, parameters()}});
    if (!a.ok) {
        ui->problemLabel->setText(a.message);
        return;
    }
    m_rule = a.json;
    accept();
}

} // namespace sunshine::app
