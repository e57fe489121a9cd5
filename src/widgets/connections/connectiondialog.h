#pragma once

#include "core/model/project.h"

#include <QDialog>
#include <QHash>
#include <memory>

class QLineEdit;

namespace Ui {
class ConnectionDialog;
}

namespace weft {

class ConnectionTester;
class SecretField;

/// Adds or edits a connection: the account fields of the chosen system type (from
/// accountFieldsFor), "Test connection", and secrets that go to the OS keychain (QtKeychain)
/// or stay environment-variable references — a secret value never enters the project file.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `existing`: the connection being edited, or nullptr for a new one.
    ConnectionDialog(const Project &project, const Connection *existing, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    /// The connection as the project will store it (secret references only).
    Connection connection() const;
    /// The connection with typed secrets in memory, to test before saving.
    Connection testConnection() const;
    /// A problem that prevents saving ("" if none).
    QString validationError() const;

    SecretField *secretField(const QString &key) const { return m_secrets.value(key); }
    QLineEdit *accountField(const QString &key) const { return m_fields.value(key); }
    void setType(ConnectorType type);
    /// Starts the test (also the button).
    void test();
    QString testResult() const;

    /// Translated title of a connector type ("聚水潭 Jushuitan" → "聚水潭" / "Jushuitan").
    static QString typeTitle(ConnectorType type);
    /// Translated label of an account field.
    static QString fieldLabel(const QString &label);

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok, const QString &message);
    /// Keychain writes done (or failed); accept() waits for them.
    void secretsSaved(bool ok, const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildAccountFields();
    void retranslate();
    ConnectorType currentType() const;
    Connection build(bool forTest) const;
    void saveSecrets();

    std::unique_ptr<Ui::ConnectionDialog> m_ui;
    const Project &m_project;
    std::optional<Connection> m_existing;
    QHash<QString, QLineEdit *> m_fields;
    QHash<QString, SecretField *> m_secrets;
    ConnectionTester *m_tester;
    int m_pendingWrites = 0;
    QStringList m_writeErrors;
};

} // namespace weft
