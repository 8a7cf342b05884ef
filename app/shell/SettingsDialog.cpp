#include "app/shell/SettingsDialog.h"

#include "app/settings/AppSettings.h"
#include "ui_SettingsDialog.h"

using namespace Qt::Literals::StringLiterals;

namespace sunshine::app {

SettingsDialog::SettingsDialog(AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
{
    ui->setupUi(this);
    // Each language is named in itself.
    ui->languageCombo->addItem(u"简体中文"_s, u"zh_CN"_s);
    ui->languageCombo->addItem(u"English"_s, u"en"_s);
    ui->languageCombo->setCurrentIndex(qMax(0, ui->languageCombo->findData(settings.language())));
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::save()
{
    m_settings.setLanguage(ui->languageCombo->currentData().toString());
    m_settings.sync();
    accept();
}

} // namespace sunshine::app
