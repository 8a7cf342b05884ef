#include "app/warnings/HandlingDaysDialog.h"

#include "app/net/ApiClient.h"
#include "ui_HandlingDaysDialog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

HandlingDaysDialog::HandlingDaysDialog(ApiClient &api, int replyDays, int resultDays, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::HandlingDaysDialog>())
    , m_api(api)
{
    ui->setupUi(this);
    setDays(replyDays, resultDays);
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &HandlingDaysDialog::save);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

HandlingDaysDialog::~HandlingDaysDialog() = default;

void HandlingDaysDialog::setDays(int replyDays, int resultDays)
{
    ui->replySpin->setValue(replyDays);
    ui->resultSpin->setValue(resultDays);
}

QString HandlingDaysDialog::problem() const
{
    return ui->problemLabel->text();
}

void HandlingDaysDialog::save()
{
    ui->problemLabel->clear();
    const QJsonObject body{{u"replyDays"_s, ui->replySpin->value()},
                           {u"resultDays"_s, ui->resultSpin->value()}};
    const ApiResult answer = m_api.wait("PUT", u"/api/v1/admin/warnings/handling"_s,
                                        QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer.ok()) {
        ui->problemLabel->setText(answer.message);
        return;
    }
    accept();
}

} // namespace sunshine::app
