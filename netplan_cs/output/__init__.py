"""Reports: findings and facts rendered for people and for machines."""
