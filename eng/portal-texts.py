# Generates the portal's resx files from one table so the three languages never drift apart in keys.
import html, sys
T = {}
def add(key, en, it, fr): T[key] = (en, it, fr)
add("page.title", "Return an item", "Restituisci un articolo", "Retourner un article")
add("steps.label", "Steps", "Passaggi", "Étapes")
add("steps.find", "1. Order", "1. Ordine", "1. Commande")
add("steps.items", "2. Items", "2. Articoli", "2. Articles")
add("steps.options", "3. How", "3. Come", "3. Comment")
add("steps.done", "4. Done", "4. Fatto", "4. Terminé")
add("lookup.title", "Find your order", "Trova il tuo ordine", "Retrouvez votre commande")
add("lookup.intro", "Enter your order number and the e-mail address or postcode you ordered with.", "Inserisci il numero d'ordine e l'indirizzo e-mail o il CAP usati per l'ordine.", "Saisissez votre numéro de commande et l'adresse e-mail ou le code postal utilisés pour la commande.")
add("lookup.order", "Order number", "Numero d'ordine", "Numéro de commande")
add("lookup.secret", "E-mail address or postcode", "Indirizzo e-mail o CAP", "Adresse e-mail ou code postal")
add("lookup.hint", "You find the order number in your order confirmation e-mail.", "Il numero d'ordine si trova nell'e-mail di conferma dell'ordine.", "Le numéro de commande figure dans l'e-mail de confirmation de commande.")
add("lookup.submit", "Find my order", "Trova il mio ordine", "Retrouver ma commande")
add("lookup.missing", "Please fill in both fields.", "Compila entrambi i campi.", "Veuillez remplir les deux champs.")
add("lookup.not_found", "We could not find an order with these details. Check the order number and the e-mail address or postcode.", "Non abbiamo trovato un ordine con questi dati. Controlla il numero d'ordine e l'indirizzo e-mail o il CAP.", "Nous n'avons trouvé aucune commande avec ces informations. Vérifiez le numéro de commande et l'adresse e-mail ou le code postal.")
add("error.network", "The connection failed. Please try again.", "Connessione non riuscita. Riprova.", "La connexion a échoué. Veuillez réessayer.")
add("error.rate_limited", "Too many attempts. Please wait a minute and try again.", "Troppi tentativi. Attendi un minuto e riprova.", "Trop de tentatives. Patientez une minute puis réessayez.")
add("error.session", "Your session has expired. Please find your order again.", "La sessione è scaduta. Cerca di nuovo il tuo ordine.", "Votre session a expiré. Veuillez retrouver à nouveau votre commande.")
add("error.carrier", "The carrier could not create your label right now. Your return is saved; please try again in a moment.", "Il corriere non è riuscito a creare l'etichetta. Il reso è salvato; riprova tra poco.", "Le transporteur n'a pas pu créer votre étiquette. Votre retour est enregistré ; réessayez dans un instant.")
add("error.generic", "Something went wrong. Please try again.", "Qualcosa è andato storto. Riprova.", "Une erreur s'est produite. Veuillez réessayer.")
add("items.title", "What would you like to return from order {order}?", "Cosa vuoi restituire dall'ordine {order}?", "Que souhaitez-vous retourner de la commande {order} ?")
add("items.intro", "Choose the items, how many, and tell us why and in what state they are.", "Scegli gli articoli e la quantità, e indicaci il motivo e le condizioni.", "Choisissez les articles et la quantité, et indiquez-nous le motif et leur état.")
add("items.not_returnable", "Cannot be returned: {reason}", "Non può essere restituito: {reason}", "Ne peut pas être retourné : {reason}")
add("items.reason_choose", "Choose a reason", "Scegli un motivo", "Choisissez un motif")
add("items.quantity", "Quantity", "Quantità", "Quantité")
add("items.reason", "Reason", "Motivo", "Motif")
add("items.comment", "Comment (optional unless the reason is Other)", "Commento (facoltativo, obbligatorio per Altro)", "Commentaire (facultatif, obligatoire pour Autre)")
add("items.packaging", "Packaging", "Confezione", "Emballage")
add("items.use", "Signs of use", "Segni di utilizzo", "Traces d'utilisation")
add("items.line_facts", "{price} each · {units} can be returned · last day {last}", "{price} cad. · {units} restituibili · ultimo giorno {last}", "{price} l'unité · {units} retournable(s) · dernier jour {last}")
add("items.where", "Where you send it from", "Da dove lo spedisci", "D'où vous l'envoyez")
add("items.postcode", "Postcode", "CAP", "Code postal")
add("items.resolution", "I would like", "Preferisco", "Je souhaite")
add("items.next", "Show return options", "Mostra le opzioni di reso", "Voir les options de retour")
add("items.none", "Choose at least one item.", "Scegli almeno un articolo.", "Choisissez au moins un article.")
add("items.reason_missing", "Choose a reason for {sku}.", "Scegli un motivo per {sku}.", "Choisissez un motif pour {sku}.")
add("items.earlier", "Your returns for this order", "I tuoi resi per questo ordine", "Vos retours pour cette commande")
add("items.view_return", "View status", "Vedi lo stato", "Voir le statut")
for code, en, it, fr in [
    ("within_window", "within the return window", "entro il periodo di reso", "dans le délai de retour"),
    ("within_seasonal_extension", "within the holiday return window", "entro il periodo di reso festivo", "dans le délai de retour des fêtes"),
    ("within_eu_withdrawal_period", "within the withdrawal period", "entro il periodo di recesso", "dans le délai de rétractation"),
    ("seal_must_be_unbroken", "only with an unbroken seal", "solo con sigillo integro", "uniquement avec le scellé intact"),
    ("nothing_left_to_return", "all units are already on a return", "tutte le unità sono già in reso", "toutes les unités sont déjà en retour"),
    ("gift_card", "gift cards cannot be returned", "le carte regalo non sono restituibili", "les cartes cadeaux ne sont pas retournables"),
    ("personalised", "personalised items cannot be returned", "gli articoli personalizzati non sono restituibili", "les articles personnalisés ne sont pas retournables"),
    ("hygiene", "hygiene items cannot be returned once opened", "gli articoli per l'igiene non sono restituibili se aperti", "les articles d'hygiène ne sont pas retournables une fois ouverts"),
    ("hazardous", "hazardous goods cannot be sent back", "le merci pericolose non possono essere rispedite", "les marchandises dangereuses ne peuvent pas être renvoyées"),
    ("final_sale", "final sale", "vendita definitiva", "vente définitive"),
    ("excluded_category", "this category cannot be returned", "questa categoria non è restituibile", "cette catégorie n'est pas retournable"),
    ("excluded_sku", "this item cannot be returned", "questo articolo non è restituibile", "cet article n'est pas retournable"),
    ("window_expired", "the return window has ended", "il periodo di reso è scaduto", "le délai de retour est dépassé"),
    ("quantity_exceeds_returnable", "no units left to return", "nessuna unità restituibile", "plus aucune unité à retourner"),
]: add("decision." + code, en, it, fr)
for code, en, it, fr in [
    ("too_small", "Too small", "Troppo piccolo", "Trop petit"),
    ("too_large", "Too large", "Troppo grande", "Trop grand"),
    ("not_as_described", "Not as described", "Non conforme alla descrizione", "Non conforme à la description"),
    ("defective", "Defective", "Difettoso", "Défectueux"),
    ("damaged_in_transit", "Damaged in transit", "Danneggiato durante il trasporto", "Endommagé pendant le transport"),
    ("wrong_item_sent", "Wrong item sent", "Articolo sbagliato", "Mauvais article envoyé"),
    ("arrived_late", "Arrived too late", "Arrivato in ritardo", "Arrivé trop tard"),
    ("changed_mind", "Changed my mind", "Ho cambiato idea", "J'ai changé d'avis"),
    ("better_price_found", "Found a better price", "Trovato un prezzo migliore", "Trouvé moins cher"),
    ("other", "Other", "Altro", "Autre"),
]: add("reason." + code, en, it, fr)
for code, en, it, fr in [("sealed", "Sealed, never opened", "Sigillata, mai aperta", "Scellé, jamais ouvert"), ("opened", "Opened", "Aperta", "Ouvert"), ("missing", "Missing", "Mancante", "Manquant")]:
    add("packaging." + code, en, it, fr)
for code, en, it, fr in [("none", "None", "Nessuno", "Aucune"), ("light", "Light (tried on)", "Lievi (provato)", "Légères (essayé)"), ("heavy", "Heavy (used)", "Evidenti (usato)", "Importantes (utilisé)")]:
    add("use." + code, en, it, fr)
add("resolution.original_payment", "My money back", "Il rimborso", "Être remboursé")
add("resolution.store_credit", "Store credit", "Un buono acquisto", "Un avoir")
for code, en, it, fr in [
    ("requested", "Requested", "Richiesto", "Demandé"), ("authorized", "Approved", "Approvato", "Accepté"), ("rejected", "Rejected", "Rifiutato", "Refusé"),
    ("label_issued", "Label ready", "Etichetta pronta", "Étiquette prête"), ("in_transit", "On its way", "In viaggio", "En route"),
    ("received", "Received", "Ricevuto", "Reçu"), ("inspected", "Checked", "Controllato", "Vérifié"), ("refunded", "Refunded", "Rimborsato", "Remboursé"),
    ("exchanged", "Exchanged", "Sostituito", "Échangé"), ("credited", "Credited", "Accreditato", "Crédité"), ("closed", "Closed", "Chiuso", "Clôturé"),
    ("cancelled", "Cancelled", "Annullato", "Annulé"), ("expired", "Expired", "Scaduto", "Expiré"),
]: add("state." + code, en, it, fr)
add("options.title", "How would you like to return it?", "Come vuoi restituirlo?", "Comment souhaitez-vous le retourner ?")
add("options.choose", "Return options, best first", "Opzioni di reso, la migliore per prima", "Options de retour, la meilleure en premier")
add("options.none", "There is no way to return these items from here. Please contact customer service.", "Non c'è modo di restituire questi articoli da qui. Contatta il servizio clienti.", "Ces articles ne peuvent pas être retournés depuis ici. Veuillez contacter le service client.")
add("options.distance", "{km} km", "{km} km", "{km} km")
add("options.open_now", "Open now", "Aperto ora", "Ouvert maintenant")
add("options.opens", "Opens {when}", "Apre {when}", "Ouvre {when}")
add("options.hours", "Opening hours: {hours}", "Orari: {hours}", "Horaires : {hours}")
add("options.more_places", "{count} more places nearby", "Altri {count} punti nelle vicinanze", "{count} autres points à proximité")
add("options.free", "Free", "Gratuito", "Gratuit")
add("options.cost", "Cost to you: {fee}", "Costo per te: {fee}", "Coût pour vous : {fee}")
add("options.arrives", "arrives {date}", "arriva {date}", "arrive le {date}")
add("options.refund", "Expected refund: {amount}, {timing}", "Rimborso previsto: {amount}, {timing}", "Remboursement prévu : {amount}, {timing}")
add("options.label_mode", "How do you want the label?", "Come vuoi l'etichetta?", "Comment souhaitez-vous l'étiquette ?")
add("options.confirm", "Confirm return", "Conferma il reso", "Confirmer le retour")
for code, en, it, fr in [
    ("in_store", "Return in a store", "Reso in negozio", "Retour en magasin"), ("post_office", "Drop at a post office", "Consegna all'ufficio postale", "Dépôt au bureau de poste"),
    ("pickup_point", "Drop at a pickup point", "Consegna a un punto di ritiro", "Dépôt en point relais"), ("parcel_locker", "Drop at a parcel locker", "Consegna in un locker", "Dépôt en consigne automatique"),
    ("mailbox", "Post in a mailbox", "Imbuca in una cassetta postale", "Dépôt dans une boîte aux lettres"), ("home_pickup", "Collected at home", "Ritiro a domicilio", "Enlèvement à domicile"),
]: add("method." + code, en, it, fr)
add("label.printed", "I print the label", "Stampo l'etichetta", "J'imprime l'étiquette")
add("label.qr", "QR code, no printer needed", "Codice QR, senza stampante", "Code QR, sans imprimante")
add("label.mailed", "Send me the label by post", "Inviatemi l'etichetta per posta", "Envoyez-moi l'étiquette par courrier")
add("timing.at_first_scan", "as soon as the carrier scans your parcel", "appena il corriere scansiona il pacco", "dès que le transporteur scanne votre colis")
add("timing.at_receipt", "when your parcel reaches us", "quando il pacco arriva da noi", "à la réception de votre colis")
add("timing.after_inspection", "after we have checked the items", "dopo il controllo degli articoli", "après vérification des articles")
add("nav.back", "Back", "Indietro", "Retour")
add("done.title", "Your return is booked", "Il tuo reso è registrato", "Votre retour est enregistré")
add("done.rma", "Return number:", "Numero di reso:", "Numéro de retour :")
add("done.download", "Download label (PDF)", "Scarica l'etichetta (PDF)", "Télécharger l'étiquette (PDF)")
add("done.qr_alt", "QR code for return {rma}", "Codice QR del reso {rma}", "Code QR du retour {rma}")
add("done.mailed", "We will post the label to your address within two working days.", "Ti invieremo l'etichetta per posta entro due giorni lavorativi.", "Nous vous enverrons l'étiquette par courrier sous deux jours ouvrés.")
add("done.arrival", "Expected at our warehouse: {date}", "Arrivo previsto al magazzino: {date}", "Arrivée prévue à l'entrepôt : {date}")
add("done.another", "Return something else", "Restituisci altro", "Retourner autre chose")
add("instructions.in_store", "Bring the items to the store with their packaging and show this QR code (return {rma}) at the counter. Staff scan it and your refund goes to your original payment.", "Porta gli articoli in negozio con la confezione e mostra questo codice QR (reso {rma}) alla cassa. Il personale lo scansiona e il rimborso va sul pagamento originale.", "Apportez les articles en magasin avec leur emballage et présentez ce code QR (retour {rma}) à l'accueil. Le personnel le scanne et le remboursement est fait sur votre moyen de paiement d'origine.")
places = {
    "post_office": ("a post office", "un ufficio postale", "un bureau de poste"),
    "pickup_point": ("a pickup point", "un punto di ritiro", "un point relais"),
    "parcel_locker": ("a parcel locker", "un locker", "une consigne automatique"),
    "mailbox": ("a mailbox", "una cassetta postale", "une boîte aux lettres"),
}
for method, (pen, pit, pfr) in places.items():
    add(f"instructions.{method}.printed", f"Pack the items, print the label and stick it on the parcel, then take it to {pen}.", f"Imballa gli articoli, stampa l'etichetta e incollala sul pacco, poi portalo a {pit}.", f"Emballez les articles, imprimez l'étiquette et collez-la sur le colis, puis déposez-le dans {pfr}.")
    add(f"instructions.{method}.qr", f"Pack the items and take the parcel to {pen}; show this QR code there and the label is printed for you.", f"Imballa gli articoli e porta il pacco a {pit}; mostra questo codice QR e l'etichetta verrà stampata per te.", f"Emballez les articles et déposez le colis dans {pfr} ; présentez ce code QR et l'étiquette sera imprimée pour vous.")
    add(f"instructions.{method}.mailed", f"Pack the items; when the label arrives by post, stick it on the parcel and take it to {pen}.", f"Imballa gli articoli; quando ricevi l'etichetta per posta, incollala sul pacco e portalo a {pit}.", f"Emballez les articles ; quand l'étiquette arrive par courrier, collez-la sur le colis et déposez-le dans {pfr}.")
add("instructions.home_pickup.printed", "Pack the items, print the label and stick it on the parcel. The carrier collects it at your address on the pickup day.", "Imballa gli articoli, stampa l'etichetta e incollala sul pacco. Il corriere lo ritira al tuo indirizzo nel giorno previsto.", "Emballez les articles, imprimez l'étiquette et collez-la sur le colis. Le transporteur l'enlève à votre adresse le jour prévu.")
add("instructions.home_pickup.qr", "Pack the items. The driver scans this QR code when collecting the parcel at your address.", "Imballa gli articoli. L'autista scansiona questo codice QR quando ritira il pacco al tuo indirizzo.", "Emballez les articles. Le chauffeur scanne ce code QR lors de l'enlèvement à votre adresse.")
add("instructions.home_pickup.mailed", "Pack the items; stick the label you receive by post on the parcel. The carrier collects it at your address.", "Imballa gli articoli; incolla sul pacco l'etichetta che ricevi per posta. Il corriere lo ritira al tuo indirizzo.", "Emballez les articles ; collez sur le colis l'étiquette reçue par courrier. Le transporteur l'enlève à votre adresse.")
add("status.title", "Return {rma}", "Reso {rma}", "Retour {rma}")
add("status.state", "Status:", "Stato:", "Statut :")
add("status.refund", "Refund {amount}: {status}", "Rimborso {amount}: {status}", "Remboursement {amount} : {status}")
add("refund.pending", "in progress", "in corso", "en cours")
add("refund.succeeded", "paid", "pagato", "payé")
add("refund.failed", "failed, we are on it", "non riuscito, ce ne stiamo occupando", "échoué, nous nous en occupons")

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by eng/portal-texts.py from one table, so English, Italian and French always have the same keys: edit the table, then run python3 eng/portal-texts.py src/Returns.AspNetCore/Portal/Resources -->
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
out = sys.argv[1]
for index, suffix in enumerate(["", ".it", ".fr"]):
    with open(f"{out}/PortalTexts{suffix}.resx", "w", encoding="utf-8") as f:
        f.write(HEAD)
        for key in sorted(T):
            f.write(f'  <data name="{key}" xml:space="preserve"><value>{html.escape(T[key][index], quote=False)}</value></data>\n')
        f.write("</root>\n")
print(len(T), "texts")
