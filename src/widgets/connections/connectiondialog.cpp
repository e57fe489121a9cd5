#include "widgets/connections/connectiondialog.h"

#include "core/connectors/projectenvironment.h"
#include "ui_connectiondialog.h"
#include "widgets/connections/connectiontester.h"
#include "widgets/connections/secretfield.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <qt6keychain/keychain.h>

namespace weft {

namespace {

// The labels of core's account field table, so that lupdate sees them.
[[maybe_unused]] const char *const kAccountLabels[] = {
    QT_TRANSLATE_NOOP("weft::AccountFields", "App key"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "App secret"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Access token"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Refresh token"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Client ID"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Client secret"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "X-GW-Router-Addr"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Account set ID (acctId)"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "User"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Login method (appSecret | password)"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "App ID"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Password"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Language (lcid)"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Authentication (none | bearer | basic | header)"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Token"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "User name"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Header name"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Host"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Port"),
    QT_TRANSLATE_NOOP("weft::AccountFields", "Database"),
};

QString keychainKeyFor(const QString &connection, const QString &field)
{
    QString key = connection.isEmpty() ? QStringLiteral("connection") : connection;
    key += u'-' + field;
    return key.toLower().replace(QRegularExpression(QStringLiteral("[^a-z0-9_.-]")),
                                 QStringLiteral("-"));
}

} // namespace

QString ConnectionDialog::typeTitle(ConnectorType type)
{
    switch (type) {
    case ConnectorType::Jushuitan:
        return tr("Jushuitan (聚水潭)");
    case ConnectorType::KingdeeJdy:
        return tr("Kingdee JDY (金蝶云星辰)");
    case ConnectorType::KingdeeK3Cloud:
        return tr("Kingdee K3Cloud (金蝶云星空)");
    case ConnectorType::DingTalk:
        return tr("DingTalk (钉钉)");
    case ConnectorType::HttpJson:
        return tr("Any JSON HTTP API");
    case ConnectorType::MySql:
        return tr("MySQL / MariaDB");
    case ConnectorType::LocalStore:
        return tr("Local store (Weft's state store)");
    }
    return {};
}

QString ConnectionDialog::fieldLabel(const QString &label)
{
    return QCoreApplication::translate("weft::AccountFields", label.toUtf8().constData());
}

ConnectionDialog::ConnectionDialog(const Project &project, const Connection *existing,
                                   QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionDialog>())
    , m_project(project)
    , m_existing(existing ? std::optional(*existing) : std::nullopt)
    , m_tester(new ConnectionTester(this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("connectionDialog"));
    m_ui->test->setIcon(QIcon(QStringLiteral(":/icons/test-connection.svg")));
    m_ui->accountHint->setStyleSheet(QStringLiteral("color: #607d8b"));
    m_ui->testRow->setStretch(1, 1);
    for (const QString &name : connectorTypeNames()) {
        const auto type = connectorTypeFromName(name);
        m_ui->type->addItem(typeTitle(*type), name);
    }
    const Connection c = existing ? *existing : Connection();
    if (existing) {
        m_ui->type->setCurrentIndex(m_ui->type->findData(connectorTypeName(c.type)));
        m_ui->name->setText(c.name);
        m_ui->title->setText(c.title);
        m_ui->baseUrl->setText(c.baseUrl);
    } else {
        m_ui->type->setCurrentIndex(0);
    }
    m_ui->perSecond->setValue(c.rateLimit.perSecond);
    m_ui->perMinute->setValue(c.rateLimit.perMinute);
    m_ui->timeout->setValue(c.timeoutMs / 1000);
    m_ui->verifyTls->setChecked(c.verifyTls);
    buildAccountFields();
    retranslate();

    connect(m_ui->type, &QComboBox::currentIndexChanged, this,
            &ConnectionDialog::buildAccountFields);
    connect(m_ui->name, &QLineEdit::textEdited, this, [this](const QString &name) {
        for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
            it.value()->setKeychainKey(keychainKeyFor(name.trimmed(), it.key()));
    });
    connect(m_ui->test, &QPushButton::clicked, this, &ConnectionDialog::test);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_tester, &ConnectionTester::finished, this, [this](bool ok, const QString &message) {
        m_ui->test->setEnabled(true);
        m_ui->testResult->setText(message);
        m_ui->testResult->setStyleSheet(ok ? QStringLiteral("color: #2e7d32")
                                           : QStringLiteral("color: #c62828"));
        Q_EMIT testFinished(ok, message);
    });
    resize(620, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog() = default;

ConnectorType ConnectionDialog::currentType() const
{
    return connectorTypeFromName(m_ui->type->currentData().toString())
        .value_or(ConnectorType::HttpJson);
}

void ConnectionDialog::setType(ConnectorType type)
{
    m_ui->type->setCurrentIndex(m_ui->type->findData(connectorTypeName(type)));
}

void ConnectionDialog::buildAccountFields()
{
    // Keep what was typed for keys the new type shares with the old one.
    QHash<QString, QString> typed;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        typed.insert(it.key(), it.value()->text());
    QFormLayout *form = m_ui->accountForm;
    while (form->rowCount() > 0)
        form->removeRow(0);
    m_fields.clear();
    m_secrets.clear();
    const ConnectorType type = currentType();
    const bool sameType = m_existing && m_existing->type == type;
    const QJsonObject account = sameType ? m_existing->account : QJsonObject();
    for (const AccountFieldSpec &spec : accountFieldsFor(type)) {
        const QString label =
            fieldLabel(spec.label) + (spec.required ? QStringLiteral(" *") : QString());
        if (spec.secret) {
            auto *field = new SecretField(keychainKeyFor(m_ui->name->text().trimmed(), spec.key),
                                          SecretRef::fromJson(account.value(spec.key)), this);
            field->setObjectName(QStringLiteral("secret_") + spec.key);
            form->addRow(label, field);
            m_secrets.insert(spec.key, field);
        } else {
            auto *edit = new QLineEdit(this);
            edit->setObjectName(QStringLiteral("field_") + spec.key);
            edit->setPlaceholderText(spec.defaultValue);
            edit->setText(account.contains(spec.key) ? account.value(spec.key).toString()
                                                     : typed.value(spec.key));
            form->addRow(label, edit);
            m_fields.insert(spec.key, edit);
        }
    }
    m_ui->accountGroup->setVisible(!accountFieldsFor(type).isEmpty());
    const bool http = connectorUsesHttp(type);
    m_ui->baseUrl->setVisible(http);
    m_ui->baseUrlLabel->setVisible(http);
    m_ui->verifyTls->setVisible(http);
    m_ui->testResult->clear();
}

void ConnectionDialog::retranslate()
{
    for (int i = 0; i < m_ui->type->count(); ++i)
        m_ui->type->setItemText(
            i, typeTitle(*connectorTypeFromName(m_ui->type->itemData(i).toString())));
    setWindowTitle(m_existing ? tr("Connection %1").arg(m_existing->name) : tr("New connection"));
    // Qt ships no Chinese for its standard buttons here: name them ourselves.
    m_ui->buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    m_ui->buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    for (SecretField *f : std::as_const(m_secrets))
        f->retranslate();
}

void ConnectionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

Connection ConnectionDialog::build(bool forTest) const
{
    Connection c = m_existing.value_or(Connection());
    c.type = currentType();
    c.unknownType.clear();
    c.name = m_ui->name->text().trimmed();
    c.title = m_ui->title->text().trimmed();
    c.baseUrl = connectorUsesHttp(c.type) ? m_ui->baseUrl->text().trimmed() : QString();
    c.rateLimit.perSecond = m_ui->perSecond->value();
    c.rateLimit.perMinute = m_ui->perMinute->value();
    c.timeoutMs = m_ui->timeout->value() * 1000;
    c.verifyTls = m_ui->verifyTls->isChecked();
    c.account = QJsonObject();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString v = it.value()->text().trimmed();
        if (!v.isEmpty())
            c.account.insert(it.key(), v);
    }
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it) {
        const auto ref = forTest ? it.value()->testReference() : it.value()->reference();
        if (ref)
            c.account.insert(it.key(), ref->toJson());
    }
    return c;
}

Connection ConnectionDialog::connection() const
{
    return build(false);
}

Connection ConnectionDialog::testConnection() const
{
    return build(true);
}

QString ConnectionDialog::validationError() const
{
    const Connection c = connection();
    if (c.name.isEmpty())
        return tr("Give the connection a name.");
    for (const Connection &other : m_project.connections) {
        if (other.name == c.name && (!m_existing || m_existing->name != c.name))
            return tr("There is already a connection named “%1”.").arg(c.name);
    }
    if (connectorUsesHttp(c.type) && c.baseUrl.isEmpty())
        return tr("Give the base URL of the system.");
    for (const AccountFieldSpec &spec : accountFieldsFor(c.type)) {
        if (spec.required && !c.account.contains(spec.key) && spec.defaultValue.isEmpty())
            return tr("Fill in %1.").arg(fieldLabel(spec.label));
    }
    return {};
}

void ConnectionDialog::test()
{
    m_ui->test->setEnabled(false);
    m_ui->testResult->setStyleSheet(QString());
    m_ui->testResult->setText(tr("Testing…"));
    // Under the project's active environment, as a run would resolve it.
    m_tester->start(testConnection(), projectEnvironment(m_project));
}

QString ConnectionDialog::testResult() const
{
    return m_ui->testResult->text();
}

void ConnectionDialog::accept()
{
    if (m_pendingWrites > 0)
        return;
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_ui->testResult->setText(error);
        m_ui->testResult->setStyleSheet(QStringLiteral("color: #c62828"));
        return;
    }
    saveSecrets();
}

void ConnectionDialog::saveSecrets()
{
    // Secrets typed for the keychain are written there first; the dialog closes only once
    // they are stored, so the project never refers to a keychain entry that is not there.
    m_writeErrors.clear();
    QList<SecretField *> toWrite;
    for (SecretField *f : std::as_const(m_secrets)) {
        if (f->storage() == SecretField::Storage::Keychain && !f->text().isEmpty())
            toWrite << f;
    }
    if (toWrite.isEmpty()) {
        Q_EMIT secretsSaved(true, QString());
        QDialog::accept();
        return;
    }
    m_pendingWrites = int(toWrite.size());
    m_ui->buttons->setEnabled(false);
    m_ui->testResult->setText(tr("Saving secrets to the keychain…"));
    for (SecretField *f : toWrite) {
        auto *job = new QKeychain::WritePasswordJob(QStringLiteral("weft"), this);
        job->setKey(f->keychainKey());
        job->setTextData(f->text());
        connect(job, &QKeychain::Job::finished, this,
                [this, key = f->keychainKey()](QKeychain::Job *j) {
                    if (j->error() != QKeychain::NoError)
                        m_writeErrors << tr("%1: %2").arg(key, j->errorString());
                    if (--m_pendingWrites > 0)
                        return;
                    m_ui->buttons->setEnabled(true);
                    if (!m_writeErrors.isEmpty()) {
                        const QString message =
                            tr("The keychain could not store the secret (%1). Use an environment "
                               "variable instead, or unlock the keychain and try again.")
                                .arg(m_writeErrors.join(QStringLiteral("; ")));
                        m_ui->testResult->setText(message);
                        m_ui->testResult->setStyleSheet(QStringLiteral("color: #c62828"));
                        Q_EMIT secretsSaved(false, message);
                        return;
                    }
                    Q_EMIT secretsSaved(true, QString());
                    QDialog::accept();
                });
        job->start();
    }
}

} // namespace weft
