#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace sunshine::app {

class AppSettings;

// Preferences: the language of the program (Chinese by default, English available).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(AppSettings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

private:
    void save();

    std::unique_ptr<Ui::SettingsDialog> ui;
    AppSettings &m_settings;
};

} // namespace sunshine::app
