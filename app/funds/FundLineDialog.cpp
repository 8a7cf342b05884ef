#include "app/funds/FundLineDialog.h"

#include "app/funds/FundLineCache.h"

#include "app/funds/FundCatalogView.h"
#include "app/net/ApiClient.h"
#include "app/sync/ClientSession.h"
#include "ui_FundLineDialog.h"

#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

FundLineDialog::FundLineDialog(ApiClient &api, const QList<Department> &departments, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::FundLineDialog>())
    , m_api(api)
{
    ui->setupUi(this);
    m_errorLabels = {{u"code"_s, ui->codeError},           {u"article"_s, ui->articleError},
                     {u"name"_s, ui->nameError},           {u"leadDepartment"_s, ui->departmentError},
                     {u"kind"_s, ui->kindError},           {u"cycle"_s, ui->cycleError},
                     {u"recipient"_s, ui->recipientError}, {u"note"_s, ui->noteError}};
    for (QLabel *l : std::as_const(m_errorLabels))
        l->setStyleSheet(u"color: #b00020;"_s);
    ui->messageLabel->setStyleSheet(u"color: #b00020;"_s);
    clearErrors();

    ui->departmentCombo->addItem(tr("– choose the lead department –"), QString());
    for (const Department &d : departments)
        ui->departmentCombo->addItem(u"%1 (%2)"_s.arg(d.name, d.code), d.code);
    using namespace funds;
    for (FundKind k :
         {FundKind::ReliefFiscal, FundKind::ReliefDonation, FundKind::ReliefOther, FundKind::Agricultural})
        ui->kindCombo->addItem(fundKindChineseName(k), fundKindName(k));
    for (PaymentCycle c :
         {PaymentCycle::Monthly, PaymentCycle::Quarterly, PaymentCycle::Once, PaymentCycle::PerProject})
        ui->cycleCombo->addItem(paymentCycleChineseName(c), paymentCycleName(c));
    for (Recipient r :
         {Recipient::Person, Recipient::Household, Recipient::Unit, Recipient::Village, Recipient::Project})
        ui->recipientCombo->addItem(recipientChineseName(r), recipientName(r));

    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &FundLineDialog::submit);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The code is checked as soon as the administrator leaves it.
    connect(ui->codeEdit, &QLineEdit::editingFinished, this, [this] {
        const QString code = ui->codeEdit->text().trimmed();
        if (code.isEmpty())
            return;
        QString problem;
        if (const auto existing = funds::findFundLine(code))
            problem = tr("The code is already used by “%1”.").arg(existing->name);
        else if (auto p = funds::FundCatalog::validateLine(
                     {code, u"-"_s, u"-"_s, u"-"_s, u"agricultural"_s, u"once"_s, u"project"_s, QString()},
                     nullptr);
                 p && p->field == u"code"_s)
            problem = p->chineseMessage;
        setFieldError(u"code"_s, problem);
    });
}

FundLineDialog::~FundLineDialog() = default;

QList<FundLineDialog::Department> FundLineDialog::departmentsOf(const ClientSession &session)
{
    QList<Department> out;
    for (const FundLineCache::LeadDepartment &d : FundLineCache::of(session)->leadDepartments())
        out.append({d.code, d.name});
    if (!out.isEmpty())
        return out;
    QStringList codes;
    for (const sunshine::Department &d : session.departments()) {
        if (!codes.contains(d.code))
            codes.append(d.code);
    }
    for (const QString &code : std::as_const(codes))
        out.append({code, departmentNameOfCode(session, code)});
    return out;
}

bool FundLineDialog::mayAdd(const ClientSession &session)
{
    return funds::canManageFundLines(session.user().roles, session.user().orgLevel);
}

std::optional<funds::FundLine> FundLineDialog::addInteractively(ClientSession &session, QWidget *parent)
{
    FundLineDialog dialog(session.api(), departmentsOf(session), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    FundLineCache::of(session)->remember(dialog.savedLine());
    FundLineCache::of(session)->refresh();
    return dialog.savedLine();
}

QJsonObject FundLineDialog::body() const
{
    QJsonObject o{{u"code"_s, ui->codeEdit->text().trimmed()},
                  {u"article"_s, ui->articleEdit->text().trimmed()},
                  {u"name"_s, ui->nameEdit->text().trimmed()},
                  {u"leadDepartment"_s, ui->departmentCombo->currentData().toString()},
                  {u"kind"_s, ui->kindCombo->currentData().toString()},
                  {u"cycle"_s, ui->cycleCombo->currentData().toString()},
                  {u"recipient"_s, ui->recipientCombo->currentData().toString()}};
    const QString note = ui->noteEdit->toPlainText().trimmed();
    if (!note.isEmpty())
        o.insert(u"note"_s, note);
    return o;
}

QHash<QString, QString> FundLineDialog::fieldErrors() const
{
    QHash<QString, QString> out;
    for (auto it = m_errorLabels.constBegin(); it != m_errorLabels.constEnd(); ++it) {
        if (!it.value()->isHidden())
            out.insert(it.key(), it.value()->text());
    }
    if (!ui->messageLabel->isHidden())
        out.insert(QString(), ui->messageLabel->text());
    return out;
}

void FundLineDialog::setFieldError(const QString &field, const QString &message)
{
    QLabel *label = m_errorLabels.value(field, ui->messageLabel);
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void FundLineDialog::clearErrors()
{
    for (QLabel *l : std::as_const(m_errorLabels))
        l->hide();
    ui->messageLabel->hide();
}

bool FundLineDialog::validate()
{
    clearErrors();
    const QJsonObject b = body();
    if (b.value(u"leadDepartment"_s).toString().isEmpty()) {
        setFieldError(u"leadDepartment"_s,
                      tr("Choose the department that pays, enters and supervises the line."));
        return false;
    }
    auto text = [&b](const char16_t *key) {
        return b.value(QString::fromUtf16(key)).toString();
    };
    if (const auto p = funds::FundCatalog::validateLine({text(u"code"), text(u"article"), text(u"name"),
                                                         text(u"leadDepartment"), text(u"kind"),
                                                         text(u"cycle"), text(u"recipient"), text(u"note")},
                                                        nullptr)) {
        setFieldError(p->field, p->chineseMessage);
        return false;
    }
    if (const auto existing = funds::findFundLine(text(u"code"))) {
        setFieldError(u"code"_s, tr("The code is already used by “%1”.").arg(existing->name));
        return false;
    }
    return true;
}

void FundLineDialog::submit()
{
    if (!validate())
        return;
    ui->buttonBox->setEnabled(false);
    m_api.post(u"/api/v1/admin/fund-lines"_s, body(), this, [this](const ApiResult &r) {
        ui->buttonBox->setEnabled(true);
        if (!r.ok()) {
            setFieldError(r.field, r.message);
            return;
        }
        const std::optional<funds::FundLine> line = funds::fundLineFromJson(r.json);
        if (!line) {
            setFieldError(QString(), tr("The server's answer could not be read."));
            return;
        }
        m_saved = *line;
        accept();
    });
}

} // namespace sunshine::app
