#include "widgets/connections/secretfield.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>

namespace weft {

SecretField::SecretField(const QString &keychainKey, const std::optional<SecretRef> &current,
                         QWidget *parent)
    : QWidget(parent)
    , m_storage(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_key(keychainKey)
    , m_current(current)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_storage);
    layout->addWidget(m_text, 1);
    if (current)
        m_storage->addItem(QString(), int(Storage::Keep));
    m_storage->addItem(QString(), int(Storage::Keychain));
    m_storage->addItem(QString(), int(Storage::Environment));
    m_text->setClearButtonEnabled(true);
    connect(m_storage, &QComboBox::currentIndexChanged, this, &SecretField::updateEditor);
    retranslate();
    updateEditor();
}

void SecretField::retranslate()
{
    for (int i = 0; i < m_storage->count(); ++i) {
        switch (Storage(m_storage->itemData(i).toInt())) {
        case Storage::Keep: {
            QString where;
            if (m_current) {
                switch (m_current->kind) {
                case SecretRef::Kind::Env:
                    where = tr("environment variable %1").arg(m_current->key);
                    break;
                case SecretRef::Kind::Keychain:
                    where = tr("keychain %1").arg(m_current->key);
                    break;
                case SecretRef::Kind::Plain:
                    where = tr("plain text in file");
                    break;
                }
            }
            m_storage->setItemText(i, tr("Keep: %1").arg(where));
            break;
        }
        case Storage::Keychain:
            m_storage->setItemText(i, tr("System keychain"));
            break;
        case Storage::Environment:
            m_storage->setItemText(i, tr("Environment variable"));
            break;
        }
    }
    updateEditor();
}

SecretField::Storage SecretField::storage() const
{
    return Storage(m_storage->currentData().toInt());
}

void SecretField::setStorage(Storage storage)
{
    const int i = m_storage->findData(int(storage));
    if (i >= 0)
        m_storage->setCurrentIndex(i);
}

QString SecretField::text() const
{
    return m_text->text();
}

void SecretField::setText(const QString &text)
{
    m_text->setText(text);
}

void SecretField::updateEditor()
{
    switch (storage()) {
    case Storage::Keep:
        m_text->clear();
        m_text->setEnabled(false);
        m_text->setPlaceholderText(QString());
        break;
    case Storage::Keychain:
        m_text->setEnabled(true);
        m_text->setEchoMode(QLineEdit::Password);
        m_text->setPlaceholderText(tr("secret, saved to the keychain as weft/%1").arg(m_key));
        break;
    case Storage::Environment:
        m_text->setEnabled(true);
        m_text->setEchoMode(QLineEdit::Normal);
        m_text->setPlaceholderText(tr("variable name, e.g. JST_APP_SECRET"));
        if (m_current && m_current->kind == SecretRef::Kind::Env && m_text->text().isEmpty())
            m_text->setText(m_current->key);
        break;
    }
}

std::optional<SecretRef> SecretField::reference() const
{
    switch (storage()) {
    case Storage::Keep:
        return m_current;
    case Storage::Keychain:
        if (m_text->text().isEmpty())
            return std::nullopt;
        return SecretRef{SecretRef::Kind::Keychain, QStringLiteral("weft/") + m_key};
    case Storage::Environment:
        if (m_text->text().trimmed().isEmpty())
            return std::nullopt;
        return SecretRef{SecretRef::Kind::Env, m_text->text().trimmed()};
    }
    return std::nullopt;
}

std::optional<SecretRef> SecretField::testReference() const
{
    if (storage() == Storage::Keychain && !m_text->text().isEmpty())
        return SecretRef{SecretRef::Kind::Plain, m_text->text()}; // in memory only
    return reference();
}

} // namespace weft
