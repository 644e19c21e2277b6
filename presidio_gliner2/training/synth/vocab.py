"""Word lists: hard negatives (never tagged), extra names and real places.

Everything here is written for this project. Person-name tables from Faker are added in
``ctx.py``; these lists add non-Anglo names, real cities and the clinical / financial
vocabulary that must stay untagged.
"""

from __future__ import annotations

# ---------------------------------------------------------------- hard negatives: medical
# (generic or brand name, typical strengths, unit). Brand names are capitalised like names
# on purpose: the model must learn they are not people.
DRUGS: list[tuple[str, tuple[str, ...], str]] = [
    ("metformin", ("500", "850", "1000"), "mg"),
    ("lisinopril", ("5", "10", "20", "40"), "mg"),
    ("atorvastatin", ("10", "20", "40", "80"), "mg"),
    ("amlodipine", ("2.5", "5", "10"), "mg"),
    ("levothyroxine", ("25", "50", "75", "88", "100"), "mcg"),
    ("omeprazole", ("20", "40"), "mg"),
    ("sertraline", ("25", "50", "100"), "mg"),
    ("gabapentin", ("100", "300", "600"), "mg"),
    ("hydrochlorothiazide", ("12.5", "25"), "mg"),
    ("losartan", ("25", "50", "100"), "mg"),
    ("prednisone", ("5", "10", "20", "40"), "mg"),
    ("amoxicillin", ("250", "500", "875"), "mg"),
    ("warfarin", ("2", "5", "7.5"), "mg"),
    ("apixaban", ("2.5", "5"), "mg"),
    ("furosemide", ("20", "40", "80"), "mg"),
    ("metoprolol succinate", ("25", "50", "100"), "mg"),
    ("ibuprofen", ("200", "400", "600", "800"), "mg"),
    ("acetaminophen", ("325", "500", "650"), "mg"),
    ("paracetamol", ("500", "1000"), "mg"),
    ("ondansetron", ("4", "8"), "mg"),
    ("pantoprazole", ("20", "40"), "mg"),
    ("ceftriaxone", ("1", "2"), "g"),
    ("vancomycin", ("1", "1.25", "1.5"), "g"),
    ("tramadol", ("50", "100"), "mg"),
    ("oxycodone", ("5", "10"), "mg"),
    ("clopidogrel", ("75",), "mg"),
    ("montelukast", ("10",), "mg"),
    ("escitalopram", ("10", "20"), "mg"),
    ("duloxetine", ("30", "60"), "mg"),
    ("tamsulosin", ("0.4",), "mg"),
    ("rosuvastatin", ("5", "10", "20"), "mg"),
    ("spironolactone", ("25", "50"), "mg"),
    ("carvedilol", ("3.125", "6.25", "12.5", "25"), "mg"),
    ("doxycycline", ("100",), "mg"),
    ("azithromycin", ("250", "500"), "mg"),
    ("nitrofurantoin", ("100",), "mg"),
    ("cephalexin", ("250", "500"), "mg"),
    ("insulin glargine", ("10", "18", "24", "30"), "units"),
    ("enoxaparin", ("40", "60", "80"), "mg"),
    ("Lipitor", ("20", "40"), "mg"),
    ("Zoloft", ("50", "100"), "mg"),
    ("Eliquis", ("5",), "mg"),
    ("Xarelto", ("15", "20"), "mg"),
    ("Januvia", ("100",), "mg"),
    ("Synthroid", ("50", "75"), "mcg"),
    ("Lasix", ("20", "40"), "mg"),
    ("Coumadin", ("5",), "mg"),
    ("Keppra", ("500", "750"), "mg"),
    ("Ozempic", ("0.25", "0.5", "1"), "mg"),
    ("Ventolin", ("90",), "mcg"),
]
DRUG_NAMES: tuple[str, ...] = tuple(d[0] for d in DRUGS)

SIGS = ["PO daily", "PO BID", "PO TID", "once daily", "twice daily", "at bedtime", "PO q6h PRN pain",
        "PO q8h", "daily with breakfast", "SC nightly", "IV q12h", "PO QHS", "every morning", "PRN",
        "1 tab by mouth daily", "take 1 tablet twice a day with food"]

DISEASES = [
    "type 2 diabetes mellitus", "type 2 diabetes", "hypertension", "essential hypertension", "hyperlipidemia",
    "COPD", "asthma", "atrial fibrillation", "congestive heart failure", "chronic kidney disease stage 3",
    "major depressive disorder", "generalized anxiety disorder", "GERD", "osteoarthritis of the knee",
    "hypothyroidism", "community-acquired pneumonia", "urinary tract infection", "cellulitis of the left leg",
    "migraine without aura", "Parkinson's disease", "Alzheimer's disease", "Crohn's disease",
    "Hashimoto's thyroiditis", "Graves' disease", "Hodgkin lymphoma", "Bell's palsy", "Cushing's syndrome",
    "Addison's disease", "Sjogren's syndrome", "Guillain-Barre syndrome", "Meniere's disease",
    "obstructive sleep apnea", "iron deficiency anemia", "acute kidney injury", "sepsis", "gout",
    "coronary artery disease", "peripheral neuropathy", "acute pancreatitis", "DVT", "NSTEMI",
    "benign prostatic hyperplasia", "rheumatoid arthritis", "psoriasis", "cholelithiasis", "appendicitis",
]

ICD10 = [("E11.9", "Type 2 diabetes mellitus without complications"), ("I10", "Essential (primary) hypertension"),
         ("E78.5", "Hyperlipidemia, unspecified"), ("J44.9", "Chronic obstructive pulmonary disease, unspecified"),
         ("I48.91", "Unspecified atrial fibrillation"), ("N18.3", "Chronic kidney disease, stage 3"),
         ("F32.9", "Major depressive disorder, single episode"), ("K21.9", "Gastro-esophageal reflux disease"),
         ("M17.11", "Unilateral primary osteoarthritis, right knee"), ("E03.9", "Hypothyroidism, unspecified"),
         ("J18.9", "Pneumonia, unspecified organism"), ("N39.0", "Urinary tract infection, site not specified"),
         ("L03.116", "Cellulitis of left lower limb"), ("G43.909", "Migraine, unspecified"),
         ("I50.9", "Heart failure, unspecified"), ("R07.9", "Chest pain, unspecified"),
         ("S52.501A", "Fracture of lower end of right radius"), ("Z00.00", "General adult medical examination"),
         ("J06.9", "Acute upper respiratory infection"), ("M54.5", "Low back pain")]

CPT = [("99213", "Office visit, established patient, low complexity"),
       ("99214", "Office visit, established patient, moderate complexity"),
       ("99203", "Office visit, new patient"), ("80053", "Comprehensive metabolic panel"),
       ("85025", "Complete blood count with differential"), ("93000", "Electrocardiogram, complete"),
       ("71046", "Chest X-ray, 2 views"), ("36415", "Routine venipuncture"), ("83036", "Hemoglobin A1c"),
       ("99283", "Emergency department visit"), ("81001", "Urinalysis with microscopy"),
       ("97110", "Therapeutic exercise, each 15 min"), ("20610", "Arthrocentesis, major joint"),
       ("90686", "Influenza vaccine, quadrivalent")]

# (test, unit, low, high, decimals)
LAB_TESTS = [
    ("Sodium", "mmol/L", 128, 148, 0), ("Potassium", "mmol/L", 3.0, 5.6, 1), ("Chloride", "mmol/L", 95, 110, 0),
    ("Glucose", "mg/dL", 65, 260, 0), ("BUN", "mg/dL", 6, 40, 0), ("Creatinine", "mg/dL", 0.5, 2.4, 2),
    ("Calcium", "mg/dL", 8.0, 10.8, 1), ("ALT", "U/L", 8, 90, 0), ("AST", "U/L", 10, 85, 0),
    ("Total bilirubin", "mg/dL", 0.2, 2.1, 1), ("Albumin", "g/dL", 2.8, 5.0, 1), ("WBC", "x10^9/L", 3.1, 15.5, 1),
    ("Hemoglobin", "g/dL", 8.5, 17.2, 1), ("Hematocrit", "%", 28, 51, 1), ("Platelets", "x10^9/L", 110, 420, 0),
    ("HbA1c", "%", 4.9, 10.8, 1), ("TSH", "mIU/L", 0.2, 6.5, 2), ("LDL cholesterol", "mg/dL", 60, 190, 0),
    ("HDL cholesterol", "mg/dL", 28, 85, 0), ("Triglycerides", "mg/dL", 60, 320, 0), ("CRP", "mg/L", 0.3, 48, 1),
    ("INR", "", 0.9, 3.4, 1), ("Troponin I", "ng/mL", 0.00, 0.09, 2), ("eGFR", "mL/min/1.73m2", 28, 110, 0),
    ("Ferritin", "ng/mL", 8, 420, 0), ("Vitamin D, 25-OH", "ng/mL", 9, 65, 0), ("PSA", "ng/mL", 0.2, 7.5, 1),
]

ROLES_MEDICAL = ["the patient", "patient", "pt", "the nurse", "the attending", "the resident", "the pharmacist",
                 "the cardiologist", "the on-call physician", "the family", "her daughter", "his wife",
                 "the caregiver", "nursing staff", "the surgeon", "the charge nurse", "PCP", "the social worker"]
ROLES_FINANCE = ["the customer", "the account holder", "the applicant", "the cardholder", "the borrower",
                 "the beneficiary", "the remitter", "the co-applicant", "the merchant", "the client", "the employee",
                 "the employer", "the guarantor", "our customer"]
ROLES_GENERAL = ["the customer", "the agent", "the caller", "the user", "the team", "HR", "the manager",
                 "the employee", "our support team", "the requester", "the admin"]

CREDENTIALS = ["MD", "DO", "RN", "NP", "PA-C", "FRCP", "MBBS", "PharmD", "FNP-BC", "MRCP", "BSN, RN"]

ROOMS = ["Room {n}", "Rm {n}", "Bed {b}", "Room {n}, Bed {b}", "Bay {b}", "Ward {w}", "Rm {n}{l}", "ICU bed {b}"]

MERCHANTS = ["AMAZON MKTPLACE", "STARBUCKS", "SHELL OIL", "WHOLE FOODS", "TESCO STORES", "UBER TRIP", "NETFLIX.COM",
             "SPOTIFY", "COSTCO WHSE", "TARGET", "WALGREENS", "WOOLWORTHS", "SAINSBURYS", "AIRBNB", "APPLE.COM/BILL",
             "DELTA AIR", "HOME DEPOT", "IKEA", "LIDL", "BP FUEL", "DOMINOS PIZZA", "ZARA", "TIM HORTONS", "SWIGGY"]
TXN_GENERIC = ["ATM WITHDRAWAL", "DIRECT DEBIT", "CARD PAYMENT", "INTEREST CREDIT", "MONTHLY FEE", "TRANSFER OUT",
               "TRANSFER IN", "CHEQUE DEPOSIT", "MOBILE DEPOSIT", "STANDING ORDER", "POS PURCHASE", "REFUND"]

PRODUCTS = ["wireless router", "laptop", "smart thermostat", "phone case", "standing desk", "printer", "headset",
            "monitor", "external SSD", "blood glucose meter", "fitness tracker", "coffee machine", "tablet"]

DEPARTMENTS = ["Finance", "Engineering", "Marketing", "Human Resources", "Operations", "Customer Success",
               "Facilities", "Legal", "Sales", "IT Support", "Procurement", "Research"]

JOB_TITLES = ["Senior Accountant", "Software Engineer", "Registered Nurse", "Operations Manager", "Warehouse Associate",
              "Data Analyst", "Sales Representative", "Office Administrator", "Project Manager", "HR Generalist",
              "Customer Service Advisor", "Lab Technician", "Pharmacist", "Teacher", "Electrician", "Paralegal"]

# ---------------------------------------------------------------- names not covered by Faker's English tables
# (given, gender) and family names per origin; used for a share of people in every locale.
NON_ANGLO: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "nigerian": ([("Chukwuemeka", "M"), ("Adaeze", "F"), ("Oluwaseun", "M"), ("Folasade", "F"), ("Ngozi", "F"),
                  ("Babatunde", "M"), ("Ifeoma", "F"), ("Emeka", "M")],
                 ["Okafor", "Adeyemi", "Nwosu", "Okonkwo", "Balogun", "Eze", "Obi", "Adebayo"]),
    "chinese": ([("Wei", "M"), ("Xiaoling", "F"), ("Jian", "M"), ("Mei", "F"), ("Hao", "M"), ("Yan", "F"),
                 ("Zhiwei", "M"), ("Lihua", "F")], ["Zhang", "Chen", "Liu", "Wang", "Huang", "Zhou", "Xu", "Lin"]),
    "vietnamese": ([("Minh", "M"), ("Lan", "F"), ("Duc", "M"), ("Thao", "F"), ("Quang", "M"), ("Huong", "F")],
                   ["Nguyen", "Tran", "Pham", "Le", "Vu", "Dang"]),
    "korean": ([("Ji-woo", "F"), ("Min-jun", "M"), ("Seo-yeon", "F"), ("Hyun-woo", "M"), ("Eun-ji", "F")],
               ["Kim", "Park", "Lee", "Choi", "Jung", "Kang"]),
    "japanese": ([("Haruto", "M"), ("Yui", "F"), ("Takeshi", "M"), ("Aiko", "F"), ("Kenji", "M"), ("Sakura", "F")],
                 ["Tanaka", "Suzuki", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi"]),
    "arabic": ([("Mohammed", "M"), ("Fatima", "F"), ("Omar", "M"), ("Layla", "F"), ("Yousef", "M"), ("Noor", "F"),
                ("Khalid", "M"), ("Amira", "F")],
               ["Al-Rashid", "El-Amin", "Haddad", "Nasser", "Abdullah", "Al-Farsi", "Mansour", "Khoury"]),
    "hispanic": ([("José", "M"), ("María", "F"), ("Alejandro", "M"), ("Lucía", "F"), ("Javier", "M"),
                  ("Guadalupe", "F"), ("Ana Sofía", "F"), ("Juan Carlos", "M")],
                 ["García-López", "Fernández", "Rodríguez", "Hernández", "de la Cruz", "Gutiérrez", "Morales",
                  "Ramírez"]),
    "polish": ([("Katarzyna", "F"), ("Piotr", "M"), ("Agnieszka", "F"), ("Wojciech", "M"), ("Małgorzata", "F")],
               ["Nowak", "Kowalczyk", "Wiśniewski", "Zieliński", "Lewandowski", "Wójcik"]),
    "east_african": ([("Abdi", "M"), ("Hodan", "F"), ("Tesfaye", "M"), ("Selam", "F"), ("Amina", "F")],
                     ["Mohamed", "Warsame", "Bekele", "Haile", "Abdirahman", "Tadesse"]),
    "greek_turkish": ([("Dimitrios", "M"), ("Eleni", "F"), ("Emre", "M"), ("Elif", "F"), ("Yiannis", "M")],
                      ["Papadopoulos", "Georgiou", "Yilmaz", "Demir", "Konstantinidis", "Aydin"]),
    "irish": ([("Siobhán", "F"), ("Seán", "M"), ("Niamh", "F"), ("Pádraig", "M"), ("Aoife", "F"), ("Oisín", "M")],
              ["O'Brien", "O'Sullivan", "O'Neill", "D'Arcy", "McAllister", "Ní Bhriain", "MacCarthy"]),
    "european": ([("Pieter", "M"), ("Anouk", "F"), ("João", "M"), ("Chiara", "F"), ("François", "M"),
                  ("Ingrid", "F")], ["van der Berg", "da Silva", "D'Angelo", "Dubois", "Rossi", "Jansen", "Lindqvist"]),
    "slavic": ([("Olena", "F"), ("Dmytro", "M"), ("Svetlana", "F"), ("Aleksandr", "M")],
               ["Shevchenko", "Ivanova", "Petrov", "Kovalenko", "Sokolova"]),
    "filipino": ([("Maria Cristina", "F"), ("Jose Miguel", "M"), ("Rowena", "F"), ("Arnel", "M")],
                 ["Santos", "Reyes", "dela Cruz", "Bautista", "Villanueva"]),
    "south_asian": ([("Priya", "F"), ("Rahul", "M"), ("Ananya", "F"), ("Arjun", "M"), ("Farhan", "M"),
                     ("Nusrat", "F")], ["Patel", "Sharma", "Iyer", "Chowdhury", "Reddy", "Siddiqui", "Banerjee"]),
}

# ---------------------------------------------------------------- real places: (city, region) per country
CITIES: dict[str, list[tuple[str, str]]] = {
    "US": [("Boston", "MA"), ("Springfield", "IL"), ("Austin", "TX"), ("Portland", "OR"), ("Columbus", "OH"),
           ("Denver", "CO"), ("Phoenix", "AZ"), ("Raleigh", "NC"), ("Madison", "WI"), ("Tucson", "AZ"),
           ("Albany", "NY"), ("Sacramento", "CA"), ("Fresno", "CA"), ("Tampa", "FL"), ("Savannah", "GA"),
           ("Omaha", "NE"), ("Boise", "ID"), ("Burlington", "VT"), ("Richmond", "VA"), ("Louisville", "KY"),
           ("Cambridge", "MA"), ("Worcester", "MA"), ("Baltimore", "MD"), ("Newark", "NJ"), ("Pittsburgh", "PA"),
           ("San Diego", "CA"), ("Oakland", "CA"), ("Seattle", "WA"), ("Spokane", "WA"), ("Kansas City", "MO"),
           ("St. Louis", "MO"), ("New Orleans", "LA"), ("Salt Lake City", "UT"), ("Albuquerque", "NM"),
           ("Little Rock", "AR"), ("Des Moines", "IA"), ("Fort Wayne", "IN"), ("Grand Rapids", "MI"),
           ("Ann Arbor", "MI"), ("Charleston", "SC"), ("Brooklyn", "NY"), ("Houston", "TX"), ("El Paso", "TX"),
           ("Orlando", "FL"), ("Minneapolis", "MN"), ("Chattanooga", "TN"), ("Lexington", "KY"), ("Reno", "NV")],
    "UK": [("London", ""), ("Manchester", ""), ("Leeds", ""), ("Bristol", ""), ("Birmingham", ""), ("Glasgow", ""),
           ("Edinburgh", ""), ("Cardiff", ""), ("Sheffield", ""), ("Nottingham", ""), ("Leicester", ""),
           ("Brighton", ""), ("Norwich", ""), ("York", ""), ("Oxford", ""), ("Belfast", ""), ("Aberdeen", ""),
           ("Swansea", ""), ("Coventry", ""), ("Reading", ""), ("Milton Keynes", ""), ("Newcastle upon Tyne", ""),
           ("Stoke-on-Trent", ""), ("Bath", ""), ("Exeter", "")],
    "CA": [("Toronto", "ON"), ("Ottawa", "ON"), ("Hamilton", "ON"), ("Montreal", "QC"), ("Quebec City", "QC"),
           ("Vancouver", "BC"), ("Victoria", "BC"), ("Calgary", "AB"), ("Edmonton", "AB"), ("Winnipeg", "MB"),
           ("Regina", "SK"), ("Saskatoon", "SK"), ("Halifax", "NS"), ("St. John's", "NL"), ("Moncton", "NB"),
           ("Kingston", "ON"), ("London", "ON"), ("Mississauga", "ON")],
    "AU": [("Sydney", "NSW"), ("Melbourne", "VIC"), ("Brisbane", "QLD"), ("Perth", "WA"), ("Adelaide", "SA"),
           ("Hobart", "TAS"), ("Canberra", "ACT"), ("Darwin", "NT"), ("Geelong", "VIC"), ("Newcastle", "NSW"),
           ("Wollongong", "NSW"), ("Cairns", "QLD"), ("Townsville", "QLD"), ("Ballarat", "VIC"),
           ("Parramatta", "NSW"), ("Fremantle", "WA")],
    "IE": [("Dublin", ""), ("Cork", ""), ("Galway", ""), ("Limerick", ""), ("Waterford", ""), ("Kilkenny", ""),
           ("Sligo", ""), ("Athlone", ""), ("Drogheda", ""), ("Dundalk", ""), ("Ennis", ""), ("Tralee", ""),
           ("Letterkenny", ""), ("Navan", "")],
    "IN": [("Mumbai", "Maharashtra"), ("New Delhi", "Delhi"), ("Bengaluru", "Karnataka"), ("Chennai", "Tamil Nadu"),
           ("Hyderabad", "Telangana"), ("Pune", "Maharashtra"), ("Kolkata", "West Bengal"),
           ("Ahmedabad", "Gujarat"), ("Jaipur", "Rajasthan"), ("Lucknow", "Uttar Pradesh"), ("Kochi", "Kerala"),
           ("Chandigarh", "Punjab"), ("Indore", "Madhya Pradesh"), ("Nagpur", "Maharashtra"),
           ("Coimbatore", "Tamil Nadu"), ("Mysuru", "Karnataka")],
}

STREET_BASES = ["Oak", "Maple", "Main", "Church", "High", "Park", "Station", "Victoria", "Elm", "Cedar", "Pine",
                "Mill", "Lake", "Hill", "River", "Washington", "Lincoln", "King", "Queen", "George", "Albert",
                "Chestnut", "Willow", "Sunset", "Harbour", "Meadow", "Orchard", "Bridge", "Market", "Green",
                "Spring", "Forest", "Ridge", "Highland", "Grove", "Beech", "Hawthorn", "Kingsway", "Broad", "Water"]
STREET_SUFFIXES: dict[str, list[str]] = {
    "US": ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln", "Lane", "Ct", "Way", "Pl",
           "Terrace", "Pkwy", "Circle"],
    "UK": ["Road", "Street", "Lane", "Close", "Avenue", "Crescent", "Gardens", "Grove", "Way", "Drive", "Place",
           "Terrace", "Mews", "Rd"],
    "CA": ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Blvd", "Dr", "Crescent", "Way", "Court", "St W", "Ave E"],
    "AU": ["Street", "St", "Road", "Rd", "Parade", "Crescent", "Avenue", "Place", "Court", "Highway", "Tce"],
    "IE": ["Road", "Street", "Avenue", "Park", "Terrace", "Lane", "Close", "Drive", "Grove", "Court"],
    "IN": ["Road", "Main Road", "Marg", "Cross Road", "Street", "Lane"],
}
IN_LOCALITIES = ["Indiranagar", "Koramangala", "Andheri East", "Bandra West", "Salt Lake", "Banjara Hills",
                 "T. Nagar", "Kothrud", "Malviya Nagar", "Gomti Nagar", "Jayanagar", "Powai", "Adyar", "Vasant Kunj"]
IN_BUILDINGS = ["Sai Residency", "Green Park Apartments", "Lakeview Towers", "Shanti Niketan", "Prestige Heights",
                "Sunrise Enclave", "Gokul Dham", "Royal Palms"]

COUNTRY_NAMES = {"US": "United States", "UK": "United Kingdom", "CA": "Canada", "AU": "Australia",
                 "IE": "Ireland", "IN": "India"}
CURRENCY = {"US": "$", "UK": "£", "CA": "C$", "AU": "A$", "IE": "€", "IN": "Rs. "}

HOSPITAL_PATTERNS = ["{city} General Hospital", "St. {saint}'s Hospital", "{city} Regional Medical Center",
                     "Mercy {city} Hospital", "{last} Memorial Hospital", "{city} Royal Infirmary",
                     "University Hospital {city}", "{last} Family Practice", "{city} Community Health Centre",
                     "{last} Medical Group", "Riverside Health Clinic", "Lakeshore Cardiology Associates",
                     "{city} Children's Hospital", "Sunrise Multispeciality Hospital"]
LAB_PATTERNS = ["{city} Diagnostic Laboratories", "{last} Pathology Services", "Clearwater Clinical Labs",
                "Northgate Reference Laboratory", "{city} Path Lab"]
PHARMACY_PATTERNS = ["{last} Pharmacy", "{city} Chemists", "Greenleaf Pharmacy", "CarePlus Drugstore",
                     "{last}'s Apothecary"]
INSURER_PATTERNS = ["{adj} Health Plan", "{adj} Mutual Insurance", "{last} Life & Health", "{adj}Care Insurance",
                    "{city} Health Partners", "United {adj} Assurance"]
BANK_PATTERNS = ["First {city} Bank", "{adj} Federal Credit Union", "{last} & {last2} Savings Bank",
                 "{adj} National Bank", "Bank of {city}", "{adj} Building Society", "{city} Co-operative Bank",
                 "{adj} Trust Company"]
BANKS_REAL = ["Barclays", "HSBC", "Lloyds Bank", "Bank of America", "Wells Fargo", "Chase", "Citibank",
              "TD Bank", "RBC Royal Bank", "Westpac", "ANZ", "Commonwealth Bank", "Bank of Ireland", "AIB",
              "HDFC Bank", "ICICI Bank", "State Bank of India", "Santander", "Deutsche Bank", "BNP Paribas"]
ORG_ADJ = ["Summit", "Harbor", "Pioneer", "Evergreen", "Keystone", "Northwind", "Bluewater", "Heritage",
           "Silverline", "Cornerstone", "Granite", "Redwood", "Meridian", "Liberty", "Atlas", "Beacon"]
COMPANY_SUFFIXES = ["Inc.", "LLC", "Ltd", "Pty Ltd", "plc", "Group", "Holdings", "& Co.", "Corp.", "Pvt. Ltd."]
COMPANY_STEMS = ["Logistics", "Software", "Foods", "Engineering", "Consulting", "Retail", "Manufacturing",
                 "Analytics", "Construction", "Media", "Energy", "Freight", "Dental", "Textiles", "Systems"]
SAINTS = ["Mary", "John", "Luke", "Vincent", "Joseph", "Michael", "Anne", "James", "Catherine", "Patrick"]

EMAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me", "aol.com",
                 "yahoo.co.uk", "btinternet.com", "bigpond.com", "eircom.net", "rediffmail.com", "live.ca"]

# ---------------------------------------------------------------- Presidio taxonomy extras
NRP: dict[str, list[str]] = {  # span tag -> values ("nationality, religion or political group")
    "nationality": ["American", "British", "Canadian", "Australian", "Irish", "Indian", "Nigerian", "Filipino",
                    "Mexican", "Polish", "Vietnamese", "Somali", "Brazilian", "Pakistani", "Ukrainian", "Chinese",
                    "German", "Jamaican", "Korean", "Haitian"],
    "ethnicity": ["Hispanic", "Latino", "Asian American", "African American", "Caucasian", "Pacific Islander",
                  "Native American", "Punjabi", "Kurdish", "Roma"],
    "religion": ["Catholic", "Muslim", "Jewish", "Hindu", "Sikh", "Buddhist", "Jehovah's Witness", "Mormon",
                 "Methodist", "Orthodox Christian", "Baptist", "atheist"],
    "political": ["Democrat", "Republican", "Labour", "Conservative", "Green Party", "Libertarian", "Liberal Democrat",
                  "socialist"],
}
COUNTRIES = ["Mexico", "India", "the Philippines", "Nigeria", "Poland", "Vietnam", "Canada", "Ireland", "Germany",
             "Brazil", "Jamaica", "Pakistan", "Somalia", "Ukraine", "China", "Haiti", "Guatemala", "Kenya",
             "Puerto Rico", "Scotland", "the UK", "the US", "USA", "Australia"]
STATES = ["Massachusetts", "Ohio", "Texas", "California", "Florida", "New York", "Vermont", "Georgia", "Oregon",
          "Illinois", "Ontario", "Quebec", "British Columbia", "Queensland", "Victoria", "Kerala", "Punjab", "Yorkshire",
          "County Cork", "Maine", "NH", "CT", "RI", "NJ", "PA", "MA", "TX", "FL"]
FACILITIES = ["Mount Sinai", "St. Mary's Medical Center", "Baystate", "Mass General", "Brigham", "Beth Israel",
              "Cedars-Sinai", "Johns Hopkins", "Mayo Clinic", "Cleveland Clinic", "Lahey Clinic", "Tufts Medical Center",
              "Mercy Hospital", "Good Samaritan", "St. Elizabeth's", "Kindred Hospital", "Spaulding Rehab",
              "Hebrew SeniorLife", "Sunrise Assisted Living", "Maplewood Nursing Home", "Royal Infirmary",
              "St Vincent's", "Riverside Rehab Center", "Shady Grove Hospice", "VA Medical Center", "County General",
              "Children's Hospital", "Sacred Heart", "Memorial Hermann", "Kaiser Permanente"]
UNITS = ["ICU", "MICU", "CCU", "ED", "ER", "rehab", "NICU", "SICU", "cath lab", "step-down unit"]

# ---------------------------------------------------------------- ICU / nursing shorthand (all hard negatives)
# Abbreviations that look like identifiers, places or names to a model that has not seen notes.
SHORTHAND = ["VSS", "NAD", "SOB", "CHF", "COPD", "ICU", "CCU", "A&Ox3", "RRR", "CTA b/l", "NPO", "NKDA", "DNR/DNI",
             "PRN", "BID", "TID", "qHS", "q6h", "q4h", "q2h", "I/O", "HOB>30", "PEEP", "FiO2", "PS", "CPAP", "BiPAP",
             "NGT", "OGT", "PICC", "foley", "ABG", "CXR", "EKG", "NSR", "afib", "s/p", "c/o", "f/u", "w/", "w/o",
             "h/o", "r/o", "d/c", "pt", "pts", "abx", "lytes", "MAP", "CVP", "UOP", "BM", "LBM", "GCS 15", "PERRLA",
             "MAE", "OOB", "SBT", "RASS -1", "CAM neg", "TLC", "DVT ppx", "SQI", "heparin gtt", "levo", "propofol"]
LAB_SHORTHAND = [("K", 3.1, 5.4, 1), ("Na", 128, 146, 0), ("Cr", 0.5, 3.2, 1), ("Hct", 24, 45, 1), ("Hgb", 7.1, 15.8, 1),
                 ("WBC", 3.2, 21.0, 1), ("plt", 60, 420, 0), ("BUN", 6, 60, 0), ("Glu", 70, 320, 0), ("Mg", 1.4, 2.6, 1),
                 ("INR", 0.9, 3.5, 1), ("lactate", 0.6, 6.0, 1), ("trop", 0.01, 0.9, 2), ("Ca", 7.6, 10.4, 1),
                 ("PTT", 24, 90, 0), ("pH", 7.18, 7.49, 2), ("pCO2", 28, 68, 0), ("CK", 40, 900, 0)]
# Things that look like URLs, e-mails, IPs, versions or dates and are none of them.
TECH_NEGATIVES = ["mg/dL", "mmol/L", "mL/hr", "mcg/kg/min", "units/hr", "L/min", "cm H2O", "v2.3.1", "v10.4",
                  "build 4.12.0", "release 7.2.19", "cxr_report.pdf", "labs_final.xlsx", "scan001.jpg", "note.txt",
                  "discharge_v2.docx", "IMG_2041.PNG", "readme.md", "config.yaml", "1:1", "2:1", "3.5 L NC", "4L NC",
                  "10/10 pain", "0/10", "5/5 strength", "4+/5", "2/6 SEM", "1+ edema", "20G", "18g PIV", "ETT 7.5",
                  "@ 22cm", "30 cc/hr", "Tmax 38.4", "x2", "x3", "+2 pitting", "1.5L", "3/4 strength", "1/2 tab",
                  "G3P2", "Q&A", "24/7", "50/50", "O2 sat", "A1c 7.2"]
